package parser

import (
	"strings"
	"testing"
)

// foldCases probe case folding at the edges: the bytes that fold to '!'
// and to letters under |0x20, the Kelvin sign and long s, İ, matches at
// both ends and overlapping candidates.
var foldCases = []string{
	"", "i", "I", "inherit", "INHERIT", "xInHeRiT", "iinherit", "inheri", "\x01include", "!INCLUDE", "!!include",
	"deriv", "derivE", "dderive", "\u212aelvin", "\u017f", "İnherit", "inherİt", "Deprecated", "(DEPRECATED)",
	"HTTP Request", "Http request body", "\u212a values", "Color enum", " ENUM VALUES", "İ values", "Examples",
}

// TestContainsFoldScan checks containsFold against trying every offset
// with foldAt, its definition.
func TestContainsFoldScan(t *testing.T) {
	subs := []string{"inherit", "derive", "deprecated", "!include", "i", ""}
	check := func(s string) {
		for _, sub := range subs {
			want := false
			for i := 0; i+len(sub) <= len(s) && !want; i++ {
				want = foldAt(s, i, sub)
			}
			if got := containsFold(s, sub); got != want {
				t.Errorf("containsFold(%q, %q) = %v, want %v", s, sub, got, want)
			}
		}
	}
	checkInputs(t, check, foldCases, randomStrings(7, 20000, 10, []string{"i", "I", "n", "herit", "HERIT", "d", "erive", "!", "\x01", "include", " ", "\u212a", "ı"}))
}

// TestClassifyHeadingLower checks classifyHeading against the prefix and
// suffix tests on strings.ToLower, which it avoids for ASCII headings.
func TestClassifyHeadingLower(t *testing.T) {
	check := func(s string) {
		l := strings.ToLower(strings.TrimSpace(s))
		want := secOther
		for _, p := range sectionPrefixes {
			if strings.HasPrefix(l, p.prefix) {
				want = p.kind
				break
			}
		}
		if want == secOther && (strings.HasSuffix(l, " values") || strings.HasSuffix(l, " enum") || strings.HasSuffix(l, " enum values")) {
			want = secValues
		}
		if got := classifyHeading(s); got != want {
			t.Errorf("classifyHeading(%q) = %v, want %v", s, got, want)
		}
	}
	checkInputs(t, func(s string) {
		check(s)
		check(strings.TrimLeft(s, "# "))
	}, foldCases, randomStrings(8, 20000, 6, []string{"HTTP", "http", " ", "request", "Request", "\u212a", "İ", "enum", "VALUES", "values", "Example", "\t"}))
}

// TestCutDeprecated checks cutDeprecated against the cut made at the
// first "(deprecated)" of an ASCII-lowered copy (same offsets, whatever
// the bytes), and that invalid UTF-8 before the marker is kept: lowering
// with strings.ToLower there moved the offsets and cut out of bounds.
func TestCutDeprecated(t *testing.T) {
	asciiLower := func(s string) string {
		b := []byte(s)
		for i, c := range b {
			if 'A' <= c && c <= 'Z' {
				b[i] = c + 'a' - 'A'
			}
		}
		return string(b)
	}
	check := func(s string) {
		want := s
		if i := strings.Index(asciiLower(s), "(deprecated)"); i >= 0 {
			want = s[:i] + s[i+len("(deprecated)"):]
		}
		if got := cutDeprecated(s); got != want {
			t.Errorf("cutDeprecated(%q) = %q, want %q", s, got, want)
		}
	}
	checkInputs(t, check, append(foldCases, "\x93(depreCAted)0", "İname (Deprecated) x", "a(deprecated", "deprecated)", "(deprecated)(DEPRECATED)"),
		randomStrings(9, 20000, 8, []string{"(", ")", "deprecated", "DEPRECATED", "depre", "cated", "\x93", "İ", " ", "x"}))
	if got := cleanName("\x93(depreCAted)0"); got != "\x930" {
		t.Errorf("cleanName kept or mangled the marker: %q", got)
	}
}

package generator

import (
	"slices"
	"strings"
	"testing"
	"unicode"
)

// wrapFields is wrap as it was written before it cut lines out of s:
// the reference FuzzWrap compares it with.
func wrapFields(s string, width int) []string {
	s = commentSafe(s)
	var lines []string
	var cur strings.Builder
	var ws []string
	for _, w := range strings.Fields(s) {
		if len(w) > longWord && strings.Contains(w, "/") {
			ws = append(ws, splitPath(w, longWord)...)
			continue
		}
		ws = append(ws, w)
	}
	for _, w := range ws {
		if cur.Len() > 0 && cur.Len()+1+len(w) > width {
			lines = append(lines, cur.String())
			cur.Reset()
		}
		if cur.Len() > 0 {
			cur.WriteByte(' ')
		}
		cur.WriteString(w)
	}
	if cur.Len() > 0 {
		lines = append(lines, cur.String())
	}
	return lines
}

func FuzzWrap(f *testing.F) {
	long := "https://graph.microsoft.com/" + strings.Repeat("segment/", 30) + "end"
	for _, s := range []string{"", " ", "one", "a  b\tc\n d", "word " + long + " tail", long + long, "x\u00a0y\u2028z \ufeffw",
		strings.Repeat("many short words ", 20)} {
		f.Add(s, 20)
		f.Add(s, 100)
	}
	f.Fuzz(func(t *testing.T, s string, width int) {
		if width < 1 || width > 300 {
			return
		}
		got, want := wrap(s, width), wrapFields(s, width)
		if !slices.Equal(got, want) {
			t.Errorf("wrap(%q, %d) = %q, want %q", s, width, got, want)
		}
	})
}

// wordsRunes is words as it was written before its words became pieces
// of s: the reference FuzzWords compares it with.
func wordsRunes(s string) []string {
	if strings.ContainsAny(s, "<*`\\") {
		s = markupRE.ReplaceAllString(s, "")
	}
	if strings.IndexByte(s, '(') >= 0 {
		s = deprecatedRE.ReplaceAllString(s, "")
	}
	s = strings.ReplaceAll(s, "OData", "Odata")
	var out []string
	var cur []rune
	flush := func() {
		if len(cur) > 0 {
			out = append(out, string(cur))
			cur = nil
		}
	}
	rs := []rune(s)
	for i, r := range rs {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			flush()
			continue
		}
		if len(cur) > 0 && unicode.IsUpper(r) {
			prev := cur[len(cur)-1]
			nextLower := i+1 < len(rs) && unicode.IsLower(rs[i+1])
			if unicode.IsLower(prev) || unicode.IsDigit(prev) || (unicode.IsUpper(prev) && nextLower) {
				flush()
			}
		}
		cur = append(cur, r)
	}
	flush()
	return out
}

func FuzzWords(f *testing.F) {
	for _, s := range []string{"", "qrCodeImage", "HTTPServer", "**id** (deprecated)", "ODataType", "a1B2", "ÄpfelÖl",
		"x\xffY", "ABCdef", "ǅungla", "end\xe2\x82", "IDs_and-URLs"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := words(s), wordsRunes(s); !slices.Equal(got, want) {
			t.Errorf("words(%q) = %q, want %q", s, got, want)
		}
	})
}

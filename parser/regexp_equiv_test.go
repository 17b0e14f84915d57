package parser

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// regexpEquivCases are lines that probe the edges of the hand-written
// matchers: spaces and breaks around every part, versions, invalid UTF-8.
var regexpEquivCases = []string{
	"", "GET", "GET ", "GET /a", " \tPOST /users HTTP/1.1", "POST /users HTTP/1.1 ", "POST /a HTTP/1", "POST /a HTTP/1.",
	"POST /a HTTP/1.x", "POST /a HTTP/12", "POST /a  HTTP/1.1\n", "POST /a\nb", "POST /a\n", "POST\n/a", "PUTx /a",
	"PATCH https://graph.microsoft.com/v1.0/me HTTP/2.0", "DELETE \xff/a", "OPTIONS é", "HEAD /a HTTP/1.1 HTTP/1.1",
	"POST HTTP/1.1", "POST /a HTTP/1.1x", "POST /a\tHTTP/1.1\r", "GET /a\f", "POST  \x00", "post /a", "POST /a HTTP/1.1\nx",
	"GET /a b c   ", "POST /a\n HTTP/1.1", "POST /a HTTP/1.1\n\n", "POST é\xe2\x80",
}

// corpusLines returns every line of every corpus page, or skips.
func corpusLines(t *testing.T) []string {
	files, _ := filepath.Glob(filepath.Join(corpusDir, "*", "*", "*.md"))
	if len(files) == 0 {
		t.Skipf("corpus not found at %s (../shared/corpus/graph-docs-2020 next to the repo); skipping", corpusDir)
	}
	var lines []string
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		lines = append(lines, strings.Split(string(b), "\n")...)
	}
	return lines
}

// TestMatchRequestLineRegexp checks matchRequestLine against the regexp it
// replaces, on edge cases and on every corpus line (trimmed variants too).
func TestMatchRequestLineRegexp(t *testing.T) {
	check := func(s string) {
		want, got := requestLineRe.FindStringSubmatch(s), matchRequestLine(s)
		if !slices.Equal(want, got) {
			t.Errorf("matchRequestLine(%q) = %q, regexp %q", s, got, want)
		}
	}
	for _, s := range regexpEquivCases {
		check(s)
		check(s + " HTTP/1.1")
	}
	if testing.Short() {
		return
	}
	for _, s := range corpusLines(t) {
		check(s)
		check(strings.TrimSpace(s))
	}
}

// TestTypeWordsRegexp checks typeWords against typeWordRe.
func TestTypeWordsRegexp(t *testing.T) {
	check := func(s string) {
		if want, got := typeWordRe.FindAllString(s, -1), typeWords(s); !slices.Equal(want, got) {
			t.Errorf("typeWords(%q) = %q, regexp %q", s, got, want)
		}
	}
	for _, s := range regexpEquivCases {
		check(s)
	}
	for _, s := range []string{"a.b_c9 [x] @{}`z", "\xff_a", "9abc d", "é_x", "_", "a..b", "Edm.String", "`x`"} {
		check(s)
	}
	if testing.Short() {
		return
	}
	for _, s := range corpusLines(t) {
		check(s)
	}
}

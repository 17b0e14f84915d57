package parser

import (
	"html"
	"iter"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// The regexps that hand-written matchers replace, kept as their
// specification.
var (
	// requestLineRe matches "POST /users" and "GET https://... HTTP/1.1" (matchRequestLine).
	requestLineRe = regexp.MustCompile(`^\s*(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)\s+(\S.*?)(?:\s+HTTP/\d(?:\.\d)?)?\s*$`)
	statusLineRe  = regexp.MustCompile(`^\s*HTTP(?:/\d(?:\.\d)?)?\s+([1-5]\d\d)\b`)                            // matchStatusLine
	headerLineRe  = regexp.MustCompile(`^([A-Za-z][A-Za-z0-9_-]*)\s*:\s*(.*?)\s*$`)                            // matchHeaderLine
	typeWordRe    = regexp.MustCompile(`[A-Za-z_][A-Za-z0-9_.]*`)                                              // typeWords
	inlineLinkRe  = regexp.MustCompile(`!?\[([^\]]*)\]\(\s*<?([^)\s>]*)>?(?:\s+"[^"]*")?\s*\)`)                // inlineLinks
	refLinkRe     = regexp.MustCompile(`\[([^\]]+)\]\[([^\]]*)\]`)                                             // refLinks
	statusRe      = regexp.MustCompile(`\b(20[0-9])\b`)                                                        // successStatus
	readOnlyRe    = regexp.MustCompile(`(?i)\bread[- ]?only\b`)                                                // hasReadOnly
	collectionSfx = regexp.MustCompile(`(?i)\s+collection(\s+collection)?$`)                                   // collectionSuffix
	inheritedRe   = regexp.MustCompile(`(?i)inherited\s+from\s+(?:\[([^\]]+)\]|` + "`?" + `([A-Za-z][\w.]*))`) // inheritedFrom
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

// corpusTexts returns the text of every corpus page, or skips (also with
// -short).
func corpusTexts(t *testing.T) []string {
	if testing.Short() {
		t.Skip("the corpus part is skipped with -short")
	}
	files, _ := filepath.Glob(filepath.Join(corpusDir, "*", "*", "*.md"))
	if len(files) == 0 {
		t.Skipf("corpus not found at %s (../shared/corpus/graph-docs-2020 next to the repo); skipping", corpusDir)
	}
	pages := make([]string, len(files))
	for i, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		pages[i] = string(b)
	}
	return pages
}

// corpusLines returns every line of every corpus page, or skips.
func corpusLines(t *testing.T) []string {
	var lines []string
	for _, p := range corpusTexts(t) {
		lines = append(lines, strings.Split(p, "\n")...)
	}
	return lines
}

// randomStrings returns n strings of up to max pieces drawn from pieces,
// the same ones on every run: a few pieces reach the backtracking corners
// of a pattern that the corpus never shows.
func randomStrings(seed uint64, n, max int, pieces []string) []string {
	r := rand.New(rand.NewPCG(seed, seed))
	out := make([]string, n)
	for i := range out {
		var b strings.Builder
		for range r.IntN(max + 1) {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		out[i] = b.String()
	}
	return out
}

// checkInputs runs check on each list of inputs (edge cases, random
// strings) and then, in the subtest "corpus" (skipped with -short or
// without the corpus), on every corpus line.
func checkInputs(t *testing.T, check func(string), inputs ...[]string) {
	for _, in := range inputs {
		for _, s := range in {
			check(s)
		}
	}
	t.Run("corpus", func(t *testing.T) {
		for _, s := range corpusLines(t) {
			check(s)
		}
	})
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
	checkInputs(t, func(s string) {
		check(s)
		check(s + " HTTP/1.1")
		check(strings.TrimSpace(s))
	}, regexpEquivCases, randomStrings(2, 50000, 12, []string{"GET", "POST", " ", "\t", "\n", "/a", "HTTP/", "1", ".", "x", "\xff"}))
}

// TestTypeWordsRegexp checks typeWords against typeWordRe.
func TestTypeWordsRegexp(t *testing.T) {
	check := func(s string) {
		if want, got := typeWordRe.FindAllString(s, -1), typeWords(s); !slices.Equal(want, got) {
			t.Errorf("typeWords(%q) = %q, regexp %q", s, got, want)
		}
	}
	checkInputs(t, check, regexpEquivCases, []string{"a.b_c9 [x] @{}`z", "\xff_a", "9abc d", "é_x", "_", "a..b", "Edm.String", "`x`"})
}

// linkEquivCases probe the backtracking corners of the link patterns:
// titles right after "(", brackets inside texts and destinations, "<>",
// breaks, images, empty parts, invalid UTF-8.
var linkEquivCases = []string{
	"[a](b)", "![a](b)", "!![a](b)", "[a]( \"t\")", "[a](  \"t\" )", "[a]( \"t\" x)", "[a](<b>)", "[a](<b)", "[a](b>)",
	"[a](< b>)", "[a](b \"t\")", "[a](b \"t)", "[a](b 't')", "[a](b\n\"t\"\n)", "[a](\t)", "[a]()", "[](b)", "[[a](b)",
	"[a [b](c)", "[a](b[c](d)", "[a](b](c)", "[a](b (c))", "[a](b>c)", "[a](b>>)", "[a](<<b>)", "[a](\"b\")", "[a]( \")",
	"[a]( \"\")", "[a]( \"\" )", "[a](b \"\" )", "[a](b \"x\" \"y\")", "[a]\n(b)", "[a](b)[c](d)", "[x][y]", "[x][]",
	"[][y]", "[x] [y]", "[[x]][y]", "[x][y][z]", "[x][[y]", "[\xff](\xff)", "[a](é)", "[a](b)c)", "[a](b\x00)",
	" [a]( \t\"t\"\t)", "[a](\f<b>\f\"t\"\f)", "[a]( \"t\" \"u\")", "[a]( \"x](y)\")", "[a](b \"x](y)\")", "![[a](b)",
	"[a](b[a](b[a](b)", "[a](b[a](b \"t\")", "[a](<)", "[a](>)", "[a](<>)", "[a]( <b> )", "[a](b\r)", "[a](\v)",
	"[[]][]", "[a]]][b]", "[a][b]](c)", "![a][b]", "[a]](b)", "[!a](b)", "[a]( \"[b](c)\")",
}

// TestLinkScannersRegexp checks inlineLinks, refLinks and replaceLinks
// against the regexps on edge cases, random strings over the patterns'
// bytes, and every corpus line and page (links in paragraphs span lines).
func TestLinkScannersRegexp(t *testing.T) {
	scanners := []struct {
		name string
		re   *regexp.Regexp
		scan func(string) iter.Seq[linkMatch]
	}{{"inlineLinks", inlineLinkRe, inlineLinks}, {"refLinks", refLinkRe, refLinks}}
	check := func(s string) {
		for _, sc := range scanners {
			var got []linkMatch
			for m := range sc.scan(s) {
				got = append(got, m)
			}
			want := sc.re.FindAllStringSubmatchIndex(s, -1)
			same := len(got) == len(want)
			for i := 0; same && i < len(got); i++ {
				w, g := want[i], got[i]
				same = g.start == w[0] && g.end == w[1] && g.text == s[w[2]:w[3]] && g.dest == s[w[4]:w[5]]
			}
			if !same {
				t.Errorf("%s(%q) = %+v, regexp %v", sc.name, s, got, want)
			}
			if got, want := replaceLinks(s, sc.scan), sc.re.ReplaceAllString(s, "$1"); got != want {
				t.Errorf("replaceLinks(%q, %s) = %q, regexp %q", s, sc.name, got, want)
			}
		}
		if got, want := hasRefLink(s), refLinkRe.MatchString(s); got != want {
			t.Errorf("hasRefLink(%q) = %v, regexp %v", s, got, want)
		}
	}
	for _, s := range append(linkEquivCases, regexpEquivCases...) {
		check(s)
		check("x " + s + " " + s)
	}
	for _, s := range randomStrings(1, 100000, 16, strings.Split("[]()!<>\" \tab", "")) {
		check(s)
	}
	t.Run("corpus", func(t *testing.T) {
		for _, s := range corpusLines(t) {
			check(s)
		}
		for _, s := range corpusTexts(t) {
			check(s)
		}
	})
}

// TestStatusHeaderLinesRegexp checks matchStatusLine and matchHeaderLine
// against statusLineRe and headerLineRe.
func TestStatusHeaderLinesRegexp(t *testing.T) {
	check := func(s string) {
		if want, got := statusLineRe.FindStringSubmatch(s), matchStatusLine(s); !slices.Equal(want, got) {
			t.Errorf("matchStatusLine(%q) = %q, regexp %q", s, got, want)
		}
		if want, got := headerLineRe.FindStringSubmatch(s), matchHeaderLine(s); !slices.Equal(want, got) {
			t.Errorf("matchHeaderLine(%q) = %q, regexp %q", s, got, want)
		}
	}
	checkInputs(t, func(s string) { check(s); check(strings.TrimSpace(s)) }, regexpEquivCases, []string{"HTTP/1.1 201 Created", "HTTP 201", "HTTP/1.1 2010", "HTTP/1.1 201é", "HTTP/1.1 201_", "HTTP/1 201",
		"HTTP/1. 201", "HTTP/ 201", " \tHTTP/2.0\n204", "HTTP 600", "HTTP 099", "Content-Type: application/json", "a:", "a :\n b \n",
		"a: b\nc", "a-b_9:  v  ", "9a: b", "a b: c", "a:\n", "a\n:\nb", "a: \xff ", "A:B:C"},
		randomStrings(3, 50000, 10, []string{"HTTP", "/1", ".1", "1", "2", "0", "6", " ", "\t", "\n", ":", "a", "-", "_", "é", "\xff"}))
}

// TestSuccessStatusRegexp checks successStatus against statusRe.
func TestSuccessStatusRegexp(t *testing.T) {
	check := func(s string) {
		want := 0
		if m := statusRe.FindStringSubmatch(s); m != nil {
			want, _ = strconv.Atoi(m[1])
		}
		if got := successStatus(s); got != want {
			t.Errorf("successStatus(%q) = %d, regexp %d", s, got, want)
		}
	}
	checkInputs(t, check, []string{"", "200", "a 201 b", "2010 204", "x201 202", "_201 203", "201_ 204", "201é", "é201", "20", "1200", "`201 Created`"},
		randomStrings(4, 50000, 10, []string{"2", "0", "1", "9", " ", "a", "_", "é", "\xff", "`"}))
}

// TestDescriptionPhrasesRegexp checks hasReadOnly and inheritedFrom
// against readOnlyRe and inheritedRe.
func TestDescriptionPhrasesRegexp(t *testing.T) {
	check := func(s string) {
		if want, got := readOnlyRe.MatchString(s), hasReadOnly(s); got != want {
			t.Errorf("hasReadOnly(%q) = %v, regexp %v", s, got, want)
		}
		want, wantOK := "", false
		if m := inheritedRe.FindStringSubmatch(s); m != nil {
			want, wantOK = m[1]+m[2], true
		}
		if got, ok := inheritedFrom(s); got != want || ok != wantOK {
			t.Errorf("inheritedFrom(%q) = %q, %v, regexp %q, %v", s, got, ok, want, wantOK)
		}
	}
	checkInputs(t, check, []string{"Read-only.", "read only", "READONLY", "read--only", "read  only", "xread-only", "read-onlyx", "read-only_",
		"Read-Only é", "éread-only", "Inherited from [entity](x.md).", "inherited  from\t`microsoft.graph.x`", "Inherited from []",
		"inherited from [a", "inherited from `", "inherited from `9", "inherited from \u212aelvin\u017fx", "inherited from a\u212a.b_9-",
		"inherited from inherited from x", "inherited fromx", "inheritedfrom x", "INHERITED FROM \xffx", "inherited from \u212b"},
		randomStrings(5, 100000, 8, []string{"read", "READ", "only", "Only", "-", " ", "\t", "inherited", "Inherited", "from", "FROM",
			"[", "]", "`", "x", "9", ".", "_", "\u212a", "\u017f", "é", "\xff"}))
}

// TestPrefilteredRegexps checks the functions that skip a regexp, or a
// copy, where a cheap test shows it cannot matter, against the unfiltered
// code they replace.
func TestPrefilteredRegexps(t *testing.T) {
	plain := func(s string) string { // plainText before the fast paths
		if strings.ContainsAny(s, "[<&*`_\\") {
			if strings.Contains(s, "](") {
				s = inlineLinkRe.ReplaceAllString(s, "$1")
			}
			if strings.Contains(s, "][") {
				s = refLinkRe.ReplaceAllString(s, "$1")
			}
			if strings.IndexByte(s, '<') >= 0 {
				s = brTagRe.ReplaceAllString(s, " ")
				s = htmlTagRe.ReplaceAllString(s, "")
			}
			s = markupSpec.Replace(s)
			s = html.UnescapeString(s)
		}
		return strings.TrimSpace(collapseSpace(s))
	}
	strip := func(s string) (string, bool) { // stripCollection before the prefix and suffix tests
		if m := collectionOfRe.FindStringSubmatch(s); m != nil {
			return strings.TrimSpace(m[1]), true
		}
		if loc := collectionSfx.FindStringIndex(s); loc != nil {
			return strings.TrimSpace(s[:loc[0]]), true
		}
		if loc := collectionPfx.FindStringIndex(s); loc != nil {
			return strings.TrimSpace(s[loc[1]:]), true
		}
		return s, false
	}
	primitive := func(w string) string { return primitiveSpellings[strings.TrimPrefix(strings.ToLower(w), "edm.")] }
	check := func(s string) {
		if got, want := plainText(s), plain(s); got != want {
			t.Errorf("plainText(%q) = %q, before %q", s, got, want)
		}
		if got, want := matchNamespace(s), namespaceRe.FindStringSubmatch(s); !slices.Equal(got, want) {
			t.Errorf("matchNamespace(%q) = %q, regexp %q", s, got, want)
		}
		got, gotOK := stripCollection(s)
		if want, wantOK := strip(s); got != want || gotOK != wantOK {
			t.Errorf("stripCollection(%q) = %q, %v, before %q, %v", s, got, gotOK, want, wantOK)
		}
		if got, want := canonicalPrimitive(s), primitive(s); got != want {
			t.Errorf("canonicalPrimitive(%q) = %q, before %q", s, got, want)
		}
		if !containsFold(s, "deprecated") && strings.Contains(strings.ToLower(s), "(deprecated)") {
			t.Errorf("containsFold(%q, \"deprecated\") is false", s)
		}
	}
	checkInputs(t, check, append(linkEquivCases, "Edm.String", "EDM.INT32", "İnt", "\u212aey", "Collection(Edm.String)", "x Collection",
		"collection of [a](b)", "String collection collection", "Namespace: microsoft.graph", "namespace:`x`", "NAMEſPACE: x",
		"a (Deprecated)", "\ta  b\n", "**x** `y` \\| &lt;z&gt; <br/> <b>w</b>", "a\u00a0"),
		randomStrings(6, 50000, 8, []string{"collection", "Collection", "of", "(", ")", " ", "\t", "Edm.", "string", "N",
			"namespace:", "ſ", "[a](b)", "[a][b]", "**", "`", "&amp;", "<br>", "<i>", "\\|", "_", "x", "(deprecated)"}))
}

// markupSpec is what stripMarkup does, as the Replacer it replaces.
var markupSpec = strings.NewReplacer("**", "", "__", "", "`", "", `\|`, "|", `\_`, "_", `\*`, "*", `\[`, "[", `\]`, "]")

// TestStripMarkup checks stripMarkup against markupSpec on edge cases,
// random strings of markup pieces and every corpus line.
func TestStripMarkup(t *testing.T) {
	cases := []string{"", "*", "**", "***", "****", "_", "__", "___", "`", "``", `\`, `\\`, `\|`, `\\|`, `\**`, `*\*`,
		`**\*`, `\_\_`, "a**b**c", "`x`", `\[a\]`, `\a`, "é**\xff"}
	cases = append(cases, randomStrings(7, 2000, 12, []string{"*", "_", "`", `\`, "|", "[", "]", "a", " ", "é"})...)
	check := func(s string) {
		if got, want := stripMarkup(s), markupSpec.Replace(s); got != want {
			t.Fatalf("stripMarkup(%q) = %q, want %q", s, got, want)
		}
	}
	for _, s := range cases {
		check(s)
	}
	if !testing.Short() {
		for _, s := range corpusLines(t) {
			check(s)
		}
	}
}

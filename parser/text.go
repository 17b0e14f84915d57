package parser

import (
	"html"
	"regexp"
	"strings"
)

// HTML tags as they appear in raw table cells and prose.
var (
	htmlTagRe = regexp.MustCompile(`</?[a-zA-Z][a-zA-Z0-9]*(?:\s[^<>]*)?/?>`)
	brTagRe   = regexp.MustCompile(`(?i)<(?:br|p|li|/li|/p|/ul|ul|/div|div)\s*/?>`)
)

// link is a markdown link found in raw text.
type link struct {
	Text, Dest string
	Ref        bool // reference-style, Dest is the label to resolve
}

// findLinks returns the inline and reference-style links in s, in order;
// images are left out.
func findLinks(s string) []link {
	type hit struct {
		at int
		l  link
	}
	var hits []hit
	if strings.Contains(s, "](") { // each pattern only where its literal is
		for m := range inlineLinks(s) {
			if s[m.start] != '!' {
				hits = append(hits, hit{m.start, link{Text: m.text, Dest: m.dest}})
			}
		}
	}
	if strings.Contains(s, "][") {
		for m := range refLinks(s) {
			label := m.dest
			if label == "" {
				label = m.text
			}
			hits = append(hits, hit{m.start, link{Text: m.text, Dest: label, Ref: true}})
		}
	}
	if len(hits) == 0 {
		return nil
	}
	for i := 1; i < len(hits); i++ { // insertion sort: few links per text
		for j := i; j > 0 && hits[j].at < hits[j-1].at; j-- {
			hits[j], hits[j-1] = hits[j-1], hits[j]
		}
	}
	out := make([]link, len(hits))
	for i, h := range hits {
		out[i] = h.l
	}
	return out
}

// markupBytes are the first bytes of what stripMarkup rewrites.
var markupBytes = newByteSet("*_`\\")

// stripMarkup removes emphasis markers ("**", "__") and backticks and
// undoes the backslash escapes of "|", "_", "*", "[" and "]", left to right
// without overlaps, as strings.NewReplacer with those pairs does
// (TestStripMarkup) without its trie walk at every byte.
func stripMarkup(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case (c == '*' || c == '_') && i+1 < len(s) && s[i+1] == c:
			i++
		case c == '`':
		case c == '\\' && i+1 < len(s) && strings.IndexByte(`|_*[]`, s[i+1]) >= 0:
			i++
			b.WriteByte(s[i])
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

// plainBytes are the bytes that make plainText do more than trim: those
// its rewrites start with ("[" links, "<" tags, "&" entities, markup).
// isPlain stops at them and at white space (plainStop), so that most
// bytes cost one table look-up.
var (
	plainBytes = newByteSet(plainChars)
	plainStop  = newByteSet(plainChars + " \t\n\f\r")
)

const plainChars = "[<&*`_\\"

// plainText turns raw Markdown (a table cell, a paragraph) into plain text:
// links become their text, HTML tags and emphasis markers go, entities are
// decoded and white space collapses. Intune cells carry `Bearer &lt;token&gt;`
// and `<br>` (corpus §4).
//
// Each regexp runs only when the literal it cannot match without is there:
// plain text is most of every table and the backtracking matcher costs
// microseconds per cell even when nothing matches (issue 6 profile: a fifth
// of the parse).
func plainText(s string) string {
	if isPlain(s) {
		return strings.TrimSpace(s) // most cells
	}
	if plainBytes.in(s) {
		if strings.Contains(s, "](") {
			s = replaceLinks(s, inlineLinks)
		}
		if strings.Contains(s, "][") {
			s = replaceLinks(s, refLinks)
		}
		if strings.IndexByte(s, '<') >= 0 {
			s = brTagRe.ReplaceAllString(s, " ")
			s = htmlTagRe.ReplaceAllString(s, "")
		}
		if markupBytes.in(s) {
			s = stripMarkup(s)
		}
		s = html.UnescapeString(s)
	}
	return strings.TrimSpace(collapseSpace(s))
}

// collapseSpace replaces every run of white space by one space, as
// the regexp `\s+` (that is [\t\n\f\r ]) does, without a regexp; it returns
// s itself when there is nothing to replace.
func collapseSpace(s string) string {
	i := 0
	for i < len(s) && !collapses(s, i) {
		i++
	}
	if i == len(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	b.WriteString(s[:i])
	for i < len(s) {
		if !isSpace(s[i]) {
			b.WriteByte(s[i])
			i++
			continue
		}
		b.WriteByte(' ')
		for i < len(s) && isSpace(s[i]) {
			i++
		}
	}
	return b.String()
}

// collapses reports whether collapseSpace changes the byte at i: white
// space other than a single space.
func collapses(s string, i int) bool {
	return isSpace(s[i]) && (s[i] != ' ' || i+1 < len(s) && isSpace(s[i+1]))
}

// isPlain reports whether plainText has nothing to do but trim s: no byte
// of plainBytes and no white space to collapse, found in one pass.
func isPlain(s string) bool {
	for i := 0; i < len(s); i++ {
		if plainStop[s[i]] && (plainBytes[s[i]] || collapses(s, i)) {
			return false
		}
	}
	return true
}

// byteSet is a set of bytes built once, where strings.ContainsAny builds
// one per call.
type byteSet [256]bool

func newByteSet(chars string) *byteSet {
	var b byteSet
	for i := 0; i < len(chars); i++ {
		b[chars[i]] = true
	}
	return &b
}

// in reports whether s has a byte of the set.
func (b *byteSet) in(s string) bool {
	for i := 0; i < len(s); i++ {
		if b[s[i]] {
			return true
		}
	}
	return false
}

// isSpace reports the bytes of Go regexp's \s class.
func isSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'
}

// containsFold reports whether s contains sub ignoring ASCII case, as a
// cheap filter before a (?i) regexp. sub must be lower-case ASCII letters
// without k and s: those two are the only ASCII letters whose Unicode case
// folding reaches outside ASCII (K Kelvin sign, ſ long s), which (?i) would
// match and an ASCII comparison would not.
func containsFold(s, sub string) bool {
	return indexFold(s, sub) >= 0
}

// indexFold is containsFold's offset of the first match, -1 when none.
func indexFold(s, sub string) int {
	if sub == "" {
		return 0
	}
	// Only bytes that fold to sub[0] can start a match: found with
	// IndexByte, vectorized, instead of trying every offset. lo and up are
	// those bytes; none folds to a first byte without the 0x20 bit.
	lo, up := sub[0], sub[0]&^0x20
	if lo == up {
		return -1
	}
	nl, nu := indexByteFrom(s, 0, lo), indexByteFrom(s, 0, up)
	for {
		i := nl
		if nu >= 0 && (i < 0 || nu < i) {
			i = nu
		}
		if i < 0 || i+len(sub) > len(s) {
			return -1
		}
		if foldAt(s, i, sub) {
			return i
		}
		if i == nl {
			nl = indexByteFrom(s, i+1, lo)
		} else {
			nu = indexByteFrom(s, i+1, up)
		}
	}
}

// indexByteFrom returns the offset of the first c in s at or after from,
// -1 when none.
func indexByteFrom(s string, from int, c byte) int {
	if i := strings.IndexByte(s[from:], c); i >= 0 {
		return from + i
	}
	return -1
}

// foldAt reports whether s has sub at offset i ignoring ASCII case; sub is
// as for containsFold.
func foldAt(s string, i int, sub string) bool {
	if i+len(sub) > len(s) {
		return false
	}
	for j := 0; j < len(sub); j++ {
		if s[i+j]|0x20 != sub[j] {
			return false
		}
	}
	return true
}

// isWordByte reports the bytes of Go regexp's \b word class,
// [0-9A-Za-z_]; \b is ASCII-only, so a non-ASCII rune is never a word
// character.
func isWordByte(c byte) bool {
	return c == '_' || isDigit(c) || 'a' <= c|0x20 && c|0x20 <= 'z'
}

// cleanName strips markup from a name cell: `**webUrl**`, “ `x` “,
// "name (deprecated)" (corpus §9).
func cleanName(s string) string {
	s = plainText(s)
	s = cutDeprecated(s)
	s = strings.Trim(s, " *")
	return strings.TrimSpace(s)
}

// cutDeprecated removes the first "(deprecated)" from s, in any ASCII
// case. Offsets are found in s itself: those of a lower-cased copy differ
// where lowering changes a rune's length (invalid UTF-8 becomes U+FFFD),
// and cutting s at them went out of bounds.
func cutDeprecated(s string) string {
	const word = "deprecated"
	for from := 0; from < len(s); {
		i := indexFold(s[from:], word)
		if i < 0 {
			return s
		}
		i += from
		if end := i + len(word); i > 0 && s[i-1] == '(' && end < len(s) && s[end] == ')' {
			return s[:i-1] + s[end+1:]
		}
		from = i + 1
	}
	return s
}

// hasPrefixFold reports whether s starts with prefix, ignoring case.
func hasPrefixFold(s, prefix string) bool {
	return len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix)
}

// hasPrefixLower reports whether s, its ASCII letters lower-cased, starts
// with lower; s is ASCII or lower-cased already, where that is what
// strings.HasPrefix(strings.ToLower(s), lower) says, without the copy.
func hasPrefixLower(s, lower string) bool {
	return len(s) >= len(lower) && equalLower(s[:len(lower)], lower)
}

// hasSuffixLower is hasPrefixLower for suffixes.
func hasSuffixLower(s, lower string) bool {
	return len(s) >= len(lower) && equalLower(s[len(s)-len(lower):], lower)
}

// equalLower reports whether s, its ASCII letters lower-cased, is lower.
func equalLower(s, lower string) bool {
	if len(s) != len(lower) {
		return false
	}
	for i := 0; i < len(s); i++ {
		if asciiLower(s[i]) != lower[i] {
			return false
		}
	}
	return true
}

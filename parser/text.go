package parser

import (
	"html"
	"regexp"
	"strings"
)

// Markdown inline constructs as they appear in raw table cells and prose.
var (
	inlineLinkRe = regexp.MustCompile(`!?\[([^\]]*)\]\(\s*<?([^)\s>]*)>?(?:\s+"[^"]*")?\s*\)`)
	refLinkRe    = regexp.MustCompile(`\[([^\]]+)\]\[([^\]]*)\]`)
	htmlTagRe    = regexp.MustCompile(`</?[a-zA-Z][a-zA-Z0-9]*(?:\s[^<>]*)?/?>`)
	brTagRe      = regexp.MustCompile(`(?i)<(?:br|p|li|/li|/p|/ul|ul|/div|div)\s*/?>`)
)

// link is a markdown link found in raw text.
type link struct {
	Text, Dest string
	Ref        bool // reference-style, Dest is the label to resolve
}

// findAll is re.FindAllStringSubmatchIndex(s, -1), or nil for a nil re.
func findAll(re *regexp.Regexp, s string) [][]int {
	if re == nil {
		return nil
	}
	return re.FindAllStringSubmatchIndex(s, -1)
}

// findLinks returns the inline and reference-style links in s, in order.
func findLinks(s string) []link {
	var out []link
	type hit struct {
		at int
		l  link
	}
	var hits []hit
	if !strings.Contains(s, "](") && !strings.Contains(s, "][") {
		return nil // neither regexp can match
	}
	inline, ref := inlineLinkRe, refLinkRe // each only where its literal is
	if !strings.Contains(s, "](") {
		inline = nil
	}
	if !strings.Contains(s, "][") {
		ref = nil
	}
	for _, m := range findAll(inline, s) {
		if s[m[0]] == '!' {
			continue // image
		}
		hits = append(hits, hit{m[0], link{Text: s[m[2]:m[3]], Dest: s[m[4]:m[5]]}})
	}
	for _, m := range findAll(ref, s) {
		label := s[m[4]:m[5]]
		if label == "" {
			label = s[m[2]:m[3]]
		}
		hits = append(hits, hit{m[0], link{Text: s[m[2]:m[3]], Dest: label, Ref: true}})
	}
	for i := 1; i < len(hits); i++ { // insertion sort: few links per text
		for j := i; j > 0 && hits[j].at < hits[j-1].at; j-- {
			hits[j], hits[j-1] = hits[j-1], hits[j]
		}
	}
	for _, h := range hits {
		out = append(out, h.l)
	}
	return out
}

// markupReplacer removes emphasis markers and backslash escapes; built once
// (a Replacer per call was a fifth of the allocations on big tables).
var markupReplacer = strings.NewReplacer("**", "", "__", "", "`", "", `\|`, "|", `\_`, "_", `\*`, "*", `\[`, "[", `\]`, "]")

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
		s = markupReplacer.Replace(s)
		s = html.UnescapeString(s)
	}
	return strings.TrimSpace(collapseSpace(s))
}

// collapseSpace replaces every run of white space by one space, as
// the regexp `\s+` (that is [\t\n\f\r ]) does, without a regexp; it returns
// s itself when there is nothing to replace.
func collapseSpace(s string) string {
	i := 0
	for ; i < len(s); i++ {
		if isSpace(s[i]) && (s[i] != ' ' || i+1 < len(s) && isSpace(s[i+1])) {
			break
		}
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
	n := len(sub)
	for i := 0; i+n <= len(s); i++ {
		j := 0
		for j < n && s[i+j]|0x20 == sub[j] {
			j++
		}
		if j == n {
			return true
		}
	}
	return false
}

// cleanName strips markup from a name cell: `**webUrl**`, “ `x` “,
// "name (deprecated)" (corpus §9).
func cleanName(s string) string {
	s = plainText(s)
	if i := strings.Index(strings.ToLower(s), "(deprecated)"); i >= 0 {
		s = s[:i] + s[i+len("(deprecated)"):]
	}
	s = strings.Trim(s, " *")
	return strings.TrimSpace(s)
}

// hasPrefixFold reports whether s starts with prefix, ignoring case.
func hasPrefixFold(s, prefix string) bool {
	return len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix)
}

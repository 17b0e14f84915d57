package parser

import (
	"iter"
	"strings"
)

// Hand-written matchers for the two Markdown link patterns of raw text,
// formerly the regexps
//
//	inline:    !?\[([^\]]*)\]\(\s*<?([^)\s>]*)>?(?:\s+"[^"]*")?\s*\)
//	reference: \[([^\]]+)\]\[([^\]]*)\]
//
// (kept in regexp_equiv_test.go, which checks these matchers against them
// on every corpus line). They run on every table cell and paragraph that
// has a "](" or "][", and the backtracking matcher was the largest regexp
// cost of the parse (ParseCorpus profile). All their classes exclude only
// ASCII bytes, so a byte scan sees what the rune matcher sees.

// linkMatch is one link found in s: s[start:end] is the whole match, text
// the bracketed text, dest the inline destination or the reference label
// (the regexps' groups 1 and 2).
type linkMatch struct {
	start, end int
	text, dest string
}

// inlineLinks yields the matches of the inline pattern in s, leftmost
// first and without overlap, as FindAll does.
//
// Its backtracking has one path that can succeed: the text runs to the
// first "]" (a shorter text would end before a byte that is not "]"), and
// the destination is the longest run after the spaces and "<" (a shorter
// one stops before a byte that neither ">", a title nor ")" accepts).
// Only a title right after the "(" (`[a]( "t")`) needs the spaces to be
// given back, and then the destination is empty.
func inlineLinks(s string) iter.Seq[linkMatch] {
	return func(yield func(linkMatch) bool) {
		sc := inlineScan{s: s, runTo: -1, tailAt: -1}
		for i := 0; ; {
			open, close := bracketPair(s, i)
			if close < 0 {
				return // no "]" after the "[": no later "[" closes either
			}
			m, ok := sc.at(open, close)
			if !ok {
				i = close + 1 // every "[" before close has the same text end, and fails alike
				continue
			}
			if open > i && s[open-1] == '!' {
				m.start-- // an image; the "!" is tried first and is part of the match
			}
			if !yield(m) {
				return
			}
			i = m.end
		}
	}
}

// bracketPair returns the first "[" at or after i and the first "]" after
// it; close is -1 when there is none.
func bracketPair(s string, i int) (open, close int) {
	open = strings.IndexByte(s[i:], '[')
	if open < 0 {
		return -1, -1
	}
	open += i
	close = strings.IndexByte(s[open+1:], ']')
	if close < 0 {
		return open, -1
	}
	return open, open + 1 + close
}

// inlineScan holds one string's scan state. It remembers the last
// destination run and the last tail it matched: the "[" of the next
// candidate can sit inside the destination of a failed one
// ("[a](b[a](b..." without ")"), and rescanning the same run for each
// would be quadratic where the regexp is linear.
type inlineScan struct {
	s       string
	runFrom int // s[runFrom:runTo] has no ")", ">" or \s
	runTo   int
	tailAt  int // the last offset given to tail, and its result
	tailEnd int
	tailOK  bool
}

// at matches the inline pattern at the "[" at open whose text ends at the
// "]" at close.
func (sc *inlineScan) at(open, close int) (linkMatch, bool) {
	s := sc.s
	p := close + 2 // after "]("
	if p > len(s) || s[p-1] != '(' {
		return linkMatch{}, false
	}
	m := linkMatch{start: open, text: s[open+1 : close]}
	q := skipSpace(s, p)
	x := q
	if x < len(s) && s[x] == '<' {
		x++
	}
	c := sc.run(x)
	d := c
	if d < len(s) && s[d] == '>' {
		d++
	}
	if end, ok := sc.tail(d); ok {
		m.dest, m.end = s[x:c], end
		return m, true
	}
	// The spaces given back to the title: `[a]( "t")`.
	if q > p && q < len(s) && s[q] == '"' {
		if end, ok := titleTail(s, q-1); ok {
			m.end = end
			return m, true
		}
	}
	return linkMatch{}, false
}

// run returns the end of the longest run of bytes other than ")", ">" and
// \s starting at x.
func (sc *inlineScan) run(x int) int {
	if sc.runFrom <= x && x <= sc.runTo {
		return sc.runTo
	}
	c := x
	for c < len(sc.s) && sc.s[c] != ')' && sc.s[c] != '>' && !isSpace(sc.s[c]) {
		c++
	}
	sc.runFrom, sc.runTo = x, c
	return c
}

// tail is titleTail remembering its last answer: candidates whose "[" is
// inside the same destination run share the tail offset.
func (sc *inlineScan) tail(d int) (int, bool) {
	if d != sc.tailAt {
		sc.tailAt = d
		sc.tailEnd, sc.tailOK = titleTail(sc.s, d)
	}
	return sc.tailEnd, sc.tailOK
}

// titleTail matches (?:\s+"[^"]*")?\s*\) at d and returns the end of the
// match. The spaces before a title and the title's end have one choice
// each; a title starts only at a '"' after spaces, and the ")" alone
// only at anything else.
func titleTail(s string, d int) (int, bool) {
	e := skipSpace(s, d)
	if e > d && e < len(s) && s[e] == '"' {
		q := strings.IndexByte(s[e+1:], '"')
		if q < 0 {
			return 0, false
		}
		e = skipSpace(s, e+1+q+1)
	}
	if e < len(s) && s[e] == ')' {
		return e + 1, true
	}
	return 0, false
}

// skipSpace returns the offset of the first byte at or after i that is not
// \s.
func skipSpace(s string, i int) int {
	for i < len(s) && isSpace(s[i]) {
		i++
	}
	return i
}

// refLinks yields the matches of the reference pattern in s, leftmost
// first and without overlap. Both bracket groups run to the first "]", so
// a match is "[text][label]" with a non-empty text and nothing between
// the brackets.
func refLinks(s string) iter.Seq[linkMatch] {
	return func(yield func(linkMatch) bool) {
		for i := 0; ; {
			open, close := bracketPair(s, i)
			if close < 0 {
				return
			}
			// A "[" right before close has an empty text; every "[" before
			// it has the same label, so all fail or match here.
			if close == open+1 || close+1 >= len(s) || s[close+1] != '[' {
				i = close + 1
				continue
			}
			end := strings.IndexByte(s[close+2:], ']')
			if end < 0 {
				return // no "]" left for any label
			}
			end += close + 2
			if !yield(linkMatch{start: open, end: end + 1, text: s[open+1 : close], dest: s[close+2 : end]}) {
				return
			}
			i = end + 1
		}
	}
}

// replaceLinks replaces every link of links(s) by its text, as
// ReplaceAllString(s, "$1") does with the link regexps.
func replaceLinks(s string, links func(string) iter.Seq[linkMatch]) string {
	var b strings.Builder
	last := 0
	for m := range links(s) {
		if last == 0 {
			b.Grow(len(s))
		}
		b.WriteString(s[last:m.start])
		b.WriteString(m.text)
		last = m.end
	}
	if last == 0 {
		return s
	}
	b.WriteString(s[last:])
	return b.String()
}

// hasRefLink reports whether s has a reference-style link.
func hasRefLink(s string) bool {
	if !strings.Contains(s, "][") {
		return false
	}
	for range refLinks(s) {
		return true
	}
	return false
}

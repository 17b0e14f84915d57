package parser

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/docs2go/docs2go/parser/ir"
)

// The line patterns run on every line of every fence (JSON bodies
// included), so they are matched by hand: the backtracking matcher's setup
// alone was a visible part of the parse (issue 6 profile, then the
// ParseCorpus profile). The regexps they replace are kept in
// regexp_equiv_test.go, which checks the matchers against them on every
// corpus line.

// matchRequestLine is requestLineRe.FindStringSubmatch(s) without the
// regexp, matching "POST /users" and "GET https://... HTTP/1.1": the lazy target group tried the optional version suffix at every
// byte of every request line (issue 6 profile). TestMatchRequestLineRegexp
// checks it against the regexp on every line of the corpus.
func matchRequestLine(s string) []string {
	t := s[skipSpace(s, 0):]
	method := ""
	for _, m := range requestMethods {
		if strings.HasPrefix(t, m) {
			method = m
			break
		}
	}
	// \s+ after the method, then \S: the target starts at the first
	// non-space byte after the spaces.
	rest := t[len(method):]
	target := rest[skipSpace(rest, 0):]
	if method == "" || len(target) == len(rest) || target == "" {
		return nil
	}
	_, w := utf8.DecodeRuneInString(target) // \S, one rune
	// (\S.*?): the shortest target after which the line is an optional
	// " HTTP/d[.d]" and spaces; "." does not match a line break. The tail
	// starts with a space or at the end, and is the same from anywhere in
	// a run of spaces, so it is tried at the start of each run only
	// (trying it at every byte was quadratic in a run of spaces).
	for e := w; ; {
		for e < len(target) && !isSpace(target[e]) {
			e++
		}
		if requestLineTail(target[e:]) {
			return []string{s, method, target[:e]}
		}
		next := skipSpace(target, e)
		if strings.IndexByte(target[e:next], '\n') >= 0 {
			return nil
		}
		e = next
	}
}

// requestMethods are the alternatives of requestLineRe, in its order.
var requestMethods = [...]string{"GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"}

// requestLineTail reports whether t matches (?:\s+HTTP/\d(?:\.\d)?)?\s*$.
func requestLineTail(t string) bool {
	u := t[skipSpace(t, 0):]
	if u == "" {
		return true
	}
	if len(u) == len(t) || !strings.HasPrefix(u, "HTTP/") || len(u) < 6 || !isDigit(u[5]) {
		return false
	}
	u = u[6:]
	if len(u) >= 2 && u[0] == '.' && isDigit(u[1]) {
		u = u[2:]
	}
	return skipSpace(u, 0) == len(u)
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

// matchStatusLine is FindStringSubmatch of the status line pattern
// `^\s*HTTP(?:/\d(?:\.\d)?)?\s+([1-5]\d\d)\b`, which matches
// "HTTP/1.1 201 Created", "HTTP 201 Created", "HTTP/1.1 201"; the status
// is 100-599, so that a response never has status 0 ("HTTP 000", fuzzing).
// Every choice of the pattern is forced: an optional part given back
// leaves a byte that the part after it rejects.
func matchStatusLine(s string) []string {
	i := skipSpace(s, 0)
	if !strings.HasPrefix(s[i:], "HTTP") {
		return nil
	}
	i += len("HTTP")
	if i+1 < len(s) && s[i] == '/' && isDigit(s[i+1]) {
		i += 2
		if i+1 < len(s) && s[i] == '.' && isDigit(s[i+1]) {
			i += 2
		}
	}
	j := skipSpace(s, i)
	if j == i || j+3 > len(s) || s[j] < '1' || s[j] > '5' || !isDigit(s[j+1]) || !isDigit(s[j+2]) ||
		j+3 < len(s) && isWordByte(s[j+3]) {
		return nil
	}
	return []string{s[:j+3], s[j : j+3]}
}

// matchHeaderLine is FindStringSubmatch of the header line pattern
// `^([A-Za-z][A-Za-z0-9_-]*)\s*:\s*(.*?)\s*$`: the name is the longest
// run, and the value is the rest without surrounding spaces, which "."
// cannot take across a line break.
func matchHeaderLine(s string) []string {
	if s == "" || s[0]|0x20 < 'a' || s[0]|0x20 > 'z' {
		return nil
	}
	n := 1
	for n < len(s) && (isWordByte(s[n]) || s[n] == '-') {
		n++
	}
	c := skipSpace(s, n)
	if c == len(s) || s[c] != ':' {
		return nil
	}
	v, e := skipSpace(s, c+1), len(s)
	for e > v && isSpace(s[e-1]) {
		e--
	}
	if strings.IndexByte(s[v:e], '\n') >= 0 {
		return nil
	}
	return []string{s, s[:n], s[v:e]}
}

// fenceLine is one line of a fenced block with its absolute offset.
type fenceLine struct {
	text string
	off  int
}

func blank(s string) bool { return strings.TrimSpace(s) == "" }

// firstNonBlank returns the index of the first non-blank line, or -1.
func firstNonBlank(lines []fenceLine) int {
	for i, l := range lines {
		if !blank(l.text) {
			return i
		}
	}
	return -1
}

// parseSyntaxLines returns every request line of a syntax block. Non-request
// lines (`or`, `{`, `Content-type: ...`; 37 in the corpus) are skipped.
func parseSyntaxLines(lines []fenceLine, pos func(int) ir.Pos) []ir.PathSyntax {
	var out []ir.PathSyntax
	for _, l := range lines {
		m := matchRequestLine(l.text)
		if m == nil {
			continue
		}
		lead := len(l.text) - len(strings.TrimLeft(l.text, " \t"))
		out = append(out, ir.PathSyntax{Method: m[1], Template: m[2], Pos: pos(l.off + lead)})
	}
	return out
}

// parseMessage reads an example fence: a request or status line, headers,
// then the body. Tolerates a blank line between the request line and the
// headers (169 intune action POSTs) and a body that follows the headers
// with no blank line (the seed's response, v1.0/api/site-follow.md).
// It returns nil when the first line is neither a request nor a status line.
func parseMessage(lines []fenceLine, src string, pos func(int) ir.Pos) *ir.HTTPMessage {
	i := firstNonBlank(lines)
	if i < 0 {
		return nil
	}
	msg := &ir.HTTPMessage{}
	first := lines[i]
	lead := len(first.text) - len(strings.TrimLeft(first.text, " \t"))
	msg.Pos = pos(first.off + lead)
	if m := matchRequestLine(first.text); m != nil {
		msg.Method, msg.URL = m[1], m[2]
	} else if m := matchStatusLine(first.text); m != nil {
		msg.Status, _ = strconv.Atoi(m[1])
	} else {
		return nil
	}
	i++
	if j := skipBlank(lines, i); j < len(lines) && j > i && matchHeaderLine(lines[j].text) != nil {
		i = j // blank line between the request line and the headers
	}
	for ; i < len(lines); i++ {
		m := matchHeaderLine(lines[i].text)
		if m == nil {
			break
		}
		msg.Headers = append(msg.Headers, ir.Header{Name: m[1], Value: m[2], Pos: pos(lines[i].off)})
	}
	msg.Body = bodyBlock(lines[i:], src, pos)
	return msg
}

// bodyBlock returns the verbatim text from the first to the last non-blank
// line (src is the whole file, offsets are absolute), nil when there is none.
func bodyBlock(lines []fenceLine, src string, pos func(int) ir.Pos) *ir.Block {
	i := skipBlank(lines, 0)
	j := len(lines) - 1
	for j >= i && blank(lines[j].text) {
		j--
	}
	if i > j {
		return nil
	}
	start, last := lines[i].off, lines[j]
	end := last.off + len(last.text)
	text := src[start:end]
	if !contiguous(lines[i : j+1]) {
		text = joinLines(lines[i : j+1]) // indented fence: goldmark removed the indentation
	}
	return &ir.Block{Text: text, Pos: pos(start)}
}

// contiguous reports whether the lines follow each other in the source, so
// the source slice equals their text (false inside indented list items).
func contiguous(lines []fenceLine) bool {
	for k := 1; k < len(lines); k++ {
		prev := lines[k-1]
		if lines[k].off < prev.off+len(prev.text)+1 || lines[k].off > prev.off+len(prev.text)+2 {
			return false
		}
	}
	return true
}

func joinLines(lines []fenceLine) string {
	var b strings.Builder
	for k, l := range lines {
		if k > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(l.text)
	}
	return b.String()
}

func skipBlank(lines []fenceLine, i int) int {
	for i < len(lines) && blank(lines[i].text) {
		i++
	}
	return i
}

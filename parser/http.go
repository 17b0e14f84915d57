package parser

import (
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/docs2go/docs2go/parser/ir"
)

var (
	// requestLineRe matches "POST /users" and "GET https://... HTTP/1.1".
	requestLineRe = regexp.MustCompile(`^\s*(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)\s+(\S.*?)(?:\s+HTTP/\d(?:\.\d)?)?\s*$`)
	// statusLineRe matches "HTTP/1.1 201 Created", "HTTP 201 Created", "HTTP/1.1 201";
	// the status is 100-599, so that a response never has status 0 ("HTTP 000", fuzzing).
	statusLineRe = regexp.MustCompile(`^\s*HTTP(?:/\d(?:\.\d)?)?\s+([1-5]\d\d)\b`)
	headerLineRe = regexp.MustCompile(`^([A-Za-z][A-Za-z0-9_-]*)\s*:\s*(.*?)\s*$`)
)

// The three line regexps run on every line of every fence (JSON bodies
// included) but are anchored on a few possible first bytes; these wrappers
// test those bytes first, which is exact and skips the backtracking
// matcher's setup on most lines (issue 6 profile).

// regexpSpace is the cutset of Go regexp's \s.
const regexpSpace = " \t\n\f\r"

// matchRequestLine is requestLineRe.FindStringSubmatch(s) without the
// regexp: the lazy target group tried the optional version suffix at every
// byte of every request line (issue 6 profile). TestMatchRequestLineRegexp
// checks it against the regexp on every line of the corpus.
func matchRequestLine(s string) []string {
	t := strings.TrimLeft(s, regexpSpace)
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
	target := strings.TrimLeft(rest, regexpSpace)
	if method == "" || len(target) == len(rest) || target == "" {
		return nil
	}
	_, w := utf8.DecodeRuneInString(target) // \S, one rune
	// (\S.*?): the shortest target after which the line is an optional
	// " HTTP/d[.d]" and spaces; "." does not match a line break.
	for e := w; e <= len(target); e++ {
		if requestLineTail(target[e:]) {
			return []string{s, method, target[:e]}
		}
		if e < len(target) && target[e] == '\n' {
			return nil
		}
	}
	return nil
}

// requestMethods are the alternatives of requestLineRe, in its order.
var requestMethods = [...]string{"GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"}

// requestLineTail reports whether t matches (?:\s+HTTP/\d(?:\.\d)?)?\s*$.
func requestLineTail(t string) bool {
	u := strings.TrimLeft(t, regexpSpace)
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
	return strings.TrimLeft(u, regexpSpace) == ""
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

func matchStatusLine(s string) []string {
	if !strings.HasPrefix(strings.TrimLeft(s, regexpSpace), "HTTP") {
		return nil
	}
	return statusLineRe.FindStringSubmatch(s)
}

func matchHeaderLine(s string) []string {
	if s == "" || (s[0]|0x20 < 'a' || s[0]|0x20 > 'z') || strings.IndexByte(s, ':') < 0 {
		return nil
	}
	return headerLineRe.FindStringSubmatch(s)
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
func parseMessage(lines []fenceLine, src []byte, pos func(int) ir.Pos) *ir.HTTPMessage {
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
func bodyBlock(lines []fenceLine, src []byte, pos func(int) ir.Pos) *ir.Block {
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
	text := string(src[start:end])
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

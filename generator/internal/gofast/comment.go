package gofast

import (
	"go/ast"
	"go/doc/comment"
	"go/token"
	"strings"
	"text/tabwriter"
	"unicode"
)

// docComment prints the comment group due before the next token as
// go/printer's intersperseComments does for a doc comment: a group of
// line comments starting at column 1 and ending on the line just above
// the token, reformatted as go/doc/comment prints it. Any other comment is
// unhandled.
func (p *printer) docComment(nextOff int) (wroteNewline, droppedFF bool) {
	g := p.comments[p.cindex]
	after := g.End() + 1
	if p.src.offset(after) > p.src.size || p.src.column(g.Pos()) != 1 ||
		p.src.offset(after) != nextOff || p.line(after) != p.posLine {
		unhandled()
	}
	p.docLines = formatDocComment(g, p.docLines[:0])
	lines := p.docLines
	commentLine := p.line(g.Pos())
	if len(p.out) == 0 {
		// The declaration's own doc comment: gofmt separates it from
		// what precedes with a formfeed, and keeps one line break of
		// those before the declaration for after the comment.
		p.wsbuf = append(p.wsbuf, newline)
	} else {
		p.commentPrefix(commentLine)
	}
	for i, l := range lines {
		if i > 0 {
			p.writeByte('\f', 1)
		}
		p.posLine, p.posOff = commentLine, p.src.offset(g.Pos())
		p.writeString(l, true)
	}
	p.posLine, p.posOff = p.line(g.End()), p.src.offset(g.End())
	p.lastLine, p.lastValid = p.posLine, true
	p.cindex++
	p.docs++
	if p.cindex < len(p.comments) && p.src.offset(p.comments[p.cindex].Pos()) < nextOff {
		unhandled() // a second group before the same token
	}
	return p.commentSuffix()
}

// commentPrefix is go/printer's writeCommentPrefix for the first comment
// of a group on a line of its own.
func (p *printer) commentPrefix(commentLine int) {
	droppedLinebreak := false
	j := 0
	for i, ch := range p.wsbuf {
		switch ch {
		case blank, vtab:
			p.wsbuf[i] = ignore
			continue
		case indent:
			continue
		case unindent:
			// The comment and the next token are both at column 1.
			if i+1 < len(p.wsbuf) && p.wsbuf[i+1] == unindent || p.lastTok != token.RBRACE {
				continue
			}
		case newline, formfeed:
			p.wsbuf[i] = ignore
			droppedLinebreak = true
		}
		j = i
		break
	}
	p.writeWhitespace(j)
	n := 0
	if p.lastValid {
		n = max(commentLine-p.lastLine, 0)
	}
	if p.indent == 0 && droppedLinebreak {
		n++
	}
	if n > 0 {
		p.writeByte('\f', nlimit(n))
	}
}

// commentSuffix is go/printer's writeCommentSuffix after a line comment.
func (p *printer) commentSuffix() (wroteNewline, droppedFF bool) {
	needsLinebreak := true
	for i, ch := range p.wsbuf {
		switch ch {
		case blank, vtab:
			p.wsbuf[i] = ignore
		case newline, formfeed:
			if needsLinebreak {
				needsLinebreak = false
				wroteNewline = true
			} else {
				if ch == formfeed {
					droppedFF = true
				}
				p.wsbuf[i] = ignore
			}
		}
	}
	p.writeWhitespace(len(p.wsbuf))
	if needsLinebreak {
		p.writeByte('\n', 1)
		wroteNewline = true
	}
	return wroteNewline, droppedFF
}

// formatDocComment is go/printer's: the text of a group of line comments
// reformatted by go/doc/comment, as comment lines appended to out. Groups
// it would leave as they are (directives, block comments, empty text)
// are unhandled.
func formatDocComment(g *ast.CommentGroup, out []string) []string {
	var buf [32]string
	raw := buf[:0]
	for _, c := range g.List {
		after, ok := strings.CutPrefix(c.Text, "//")
		if !ok || isDirective(after) {
			unhandled()
		}
		raw = append(raw, c.Text)
	}
	if out, ok := plainDoc(raw, out); ok {
		return out
	}
	texts := make([]string, len(raw))
	for i, c := range raw {
		texts[i] = strings.TrimPrefix(c[2:], " ")
	}
	var parser comment.Parser
	var printer comment.Printer
	out = append(out, commentLines(string(printer.Comment(parser.Parse(strings.Join(texts, "\n")+"\n"))))...)
	if len(out) == 0 {
		unhandled()
	}
	for _, l := range out {
		if strings.IndexByte(l, tabwriter.Escape) >= 0 {
			unhandled()
		}
	}
	return out
}

// commentLines turns the text go/doc/comment printed into comment lines,
// as go/printer does.
func commentLines(text string) []string {
	var out []string
	for text != "" {
		var line string
		line, text, _ = strings.Cut(text, "\n")
		switch {
		case line == "":
			line = "//"
		case strings.HasPrefix(line, "\t"):
			line = "//" + line
		default:
			line = "// " + line
		}
		out = append(out, strings.TrimRightFunc(line, unicode.IsSpace))
	}
	return out
}

// plainDoc is what go/doc/comment makes of the text of comments (line
// comments, their // included), appended to out as comment lines, when it
// can tell without parsing them:
// paragraphs of printable ASCII whose lines start with a letter or a
// punctuation mark that starts nothing in doc comment syntax, with no
// brackets (links) and no “ or ” (quotes), and no one-line paragraph
// after the first line that could be an old-style heading; and, after a
// paragraph, tight "-" lists of such text as docs2go writes them ("  - "
// before an item's first line, four blanks before the next ones). gofmt
// then only drops the blank lines around the text, keeps one between
// blocks (none between a paragraph and a list right below it) and trims
// line ends. ok is false for any other text.
func plainDoc(comments []string, out []string) ([]string, bool) {
	paraLen, paras, paraStart := 0, 0, 0
	inList, blank, listLast := false, false, false
	endPara := func(last string) bool {
		if paraLen == 1 && paraStart > 0 {
			c := last[len(last)-1]
			if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' {
				return false // maybe a heading
			}
		}
		return true
	}
	prev := ""
	for i, raw := range comments {
		l := strings.TrimRight(strings.TrimPrefix(raw[2:], " "), " ")
		if l == "" {
			if paraLen > 0 {
				if !endPara(prev) {
					return nil, false
				}
				paraLen = 0
			}
			inList, blank = false, paras > 0
			continue
		}
		if l[0] == ' ' {
			item := strings.HasPrefix(l, "  - ")
			if !item && !(inList && strings.HasPrefix(l, "    ")) || paras == 0 || blank && (!item || listLast) ||
				l[4] == ' ' || !plainLine(l[4:]) {
				return nil, false // code, a loose list, or text that is not plain
			}
			if paraLen > 0 {
				if !endPara(prev) {
					return nil, false
				}
				paraLen = 0
			}
			if blank {
				out = append(out, "//")
			}
			inList, blank, listLast = true, false, true
			out = append(out, docLine(raw, l))
			continue
		}
		if !plainLine(l) {
			return nil, false
		}
		if paraLen == 0 {
			if paras > 0 {
				out = append(out, "//")
			}
			paras++
			paraStart = i
		}
		paraLen++
		out = append(out, docLine(raw, l))
		prev = l
		inList, blank, listLast = false, false, false
	}
	if paras == 0 || paraLen > 0 && !endPara(prev) {
		return nil, false
	}
	return out, true
}

// docLine is "// "+l, cut from raw (the comment l comes from) where it
// spells that already, to save building it.
func docLine(raw, l string) string {
	if n := 3 + len(l); len(raw) >= n && raw[:3] == "// " && raw[3:n] == l {
		return raw[:n]
	}
	return "// " + l
}

// plainLine reports whether l is printable ASCII that go/doc/comment
// keeps as it is in a paragraph.
func plainLine(l string) bool {
	switch c := l[0]; {
	case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', c == '(', c == '"', c == '.', c == ',', c == '/', c == '@', c == '$', c == '<', c == '\'':
	default:
		return false
	}
	for i := range len(l) {
		if c := l[i]; c < ' ' || c > '~' || c == '[' || c == ']' {
			return false
		}
	}
	return !strings.Contains(l, "``") && !strings.Contains(l, "''")
}

// isDirective is go/printer's: a //go:generate-like line comment.
func isDirective(c string) bool {
	if strings.HasPrefix(c, "line ") || strings.HasPrefix(c, "extern ") || strings.HasPrefix(c, "export ") {
		return true
	}
	colon := strings.Index(c, ":")
	if colon <= 0 || colon+1 >= len(c) {
		return false
	}
	for i := 0; i <= colon+1; i++ {
		if i == colon {
			continue
		}
		b := c[i]
		if !('a' <= b && b <= 'z' || '0' <= b && b <= '9') {
			return false
		}
	}
	return true
}

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
	lines := formatDocComment(g)
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
// reformatted by go/doc/comment, as comment lines. Groups it would leave
// as they are (directives, block comments, empty text) are unhandled.
func formatDocComment(g *ast.CommentGroup) []string {
	var b strings.Builder
	for _, c := range g.List {
		after, ok := strings.CutPrefix(c.Text, "//")
		if !ok || isDirective(after) {
			unhandled()
		}
		b.WriteString(strings.TrimPrefix(after, " "))
		b.WriteString("\n")
	}
	text := b.String()
	if text == "" {
		unhandled()
	}
	var parser comment.Parser
	var printer comment.Printer
	text = string(printer.Comment(parser.Parse(text)))
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

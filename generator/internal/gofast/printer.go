package gofast

import (
	"bytes"
	"go/ast"
	"go/token"
	"slices"
	"strings"
	"text/tabwriter"
)

// whiteSpace is pending whitespace, as go/printer buffers it: written
// only when the next token is, so that comments and line breaks can
// rearrange it first.
type whiteSpace byte

const (
	ignore   = whiteSpace(0)
	blank    = whiteSpace(' ')
	vtab     = whiteSpace('\v')
	newline  = whiteSpace('\n')
	formfeed = whiteSpace('\f')
	indent   = whiteSpace('>')
	unindent = whiteSpace('<')
)

const (
	maxNewlines = 2       // at most one blank line is kept
	infinity    = 1 << 30 // larger than any line
)

// printer is go/printer's printer state, reduced to what the generated
// code needs: positions are tracked as lines and offsets only.
type printer struct {
	src    *source
	out    []byte // the stream for text/tabwriter
	wsbuf  []whiteSpace
	indent int
	col1   bool // at column 1 of an output line: indentation not written yet

	// pos is where printing is in the source (go/printer's p.pos): exact
	// after setPos, estimated after writing text.
	posLine, posOff int
	outLine         int // output lines written
	lastLine        int // source line of the last text written (p.last)
	lastValid       bool
	impliedSemi     bool
	lastTok         token.Token
	endAlignment    bool
	linePtr         *int

	comments []*ast.CommentGroup
	cindex   int
	docs     int // comment groups printed

	scratch  *printer // measures nodes (nodeSize)
	docLines []string // lines of the doc comment being printed
}

func (p *printer) line(pos token.Pos) int { return p.src.line(pos) }

func (p *printer) setPos(pos token.Pos) {
	if pos.IsValid() {
		p.posLine, p.posOff = p.src.line(pos), p.src.offset(pos)
	}
}

func (p *printer) ws(w whiteSpace) {
	if w == ignore {
		return
	}
	p.wsbuf = append(p.wsbuf, w)
	if w == newline || w == formfeed {
		p.impliedSemi = false
	}
	p.lastTok = token.ILLEGAL
}

// token prints a keyword, operator or delimiter.
func (p *printer) token(tok token.Token) {
	s := tok.String()
	if mayCombine(p.lastTok, s[0]) {
		p.wsbuf = append(p.wsbuf[:0], blank)
	}
	semi := false
	switch tok {
	case token.BREAK, token.CONTINUE, token.FALLTHROUGH, token.RETURN,
		token.INC, token.DEC, token.RPAREN, token.RBRACK, token.RBRACE:
		semi = true
	}
	p.lastTok = tok
	p.emit(s, false, semi)
}

func (p *printer) ident(x *ast.Ident) {
	p.lastTok = token.IDENT
	p.emit(x.Name, false, true)
}

func (p *printer) basicLit(x *ast.BasicLit) {
	if x.Kind == token.INT || x.Kind == token.FLOAT {
		for i := range len(x.Value) {
			if c := x.Value[i]; (c < '0' || c > '9') && c != '.' {
				unhandled() // gofmt may normalize it
			}
		}
	} else if x.Kind == token.IMAG {
		unhandled()
	}
	p.lastTok = x.Kind
	p.emit(x.Value, true, true)
}

// emit is go/printer's print for one piece of text.
func (p *printer) emit(data string, isLit, semi bool) {
	nextLine, nextOff := p.posLine, p.posOff
	wroteNewline, droppedFF := p.flush(nextOff)
	if !p.impliedSemi {
		n := min(nextLine-p.posLine, maxNewlines)
		if wroteNewline && n == maxNewlines {
			n = maxNewlines - 1
		}
		if n > 0 {
			ch := byte('\n')
			if droppedFF {
				ch = '\f'
			}
			p.writeByte(ch, n)
			semi = false
		}
	}
	if p.linePtr != nil {
		*p.linePtr = p.outLine
		p.linePtr = nil
	}
	p.posLine, p.posOff = nextLine, nextOff
	p.writeString(data, isLit)
	p.impliedSemi = semi
}

func (p *printer) flush(nextOff int) (wroteNewline, droppedFF bool) {
	if p.cindex < len(p.comments) && p.src.offset(p.comments[p.cindex].Pos()) < nextOff {
		return p.docComment(nextOff)
	}
	p.writeWhitespace(len(p.wsbuf))
	return false, false
}

// flushWS writes the pending whitespace at the end.
func (p *printer) flushWS() {
	if p.cindex < len(p.comments) {
		unhandled()
	}
	p.writeWhitespace(len(p.wsbuf))
}

func (p *printer) writeWhitespace(n int) {
	for i := 0; i < n; i++ {
		switch ch := p.wsbuf[i]; ch {
		case ignore:
		case indent:
			p.indent++
		case unindent:
			p.indent--
			if p.indent < 0 {
				unhandled()
			}
		case newline, formfeed:
			// A line break followed by an unindent is swapped with it,
			// and becomes a formfeed.
			if i+1 < n && p.wsbuf[i+1] == unindent {
				p.wsbuf[i], p.wsbuf[i+1] = unindent, formfeed
				i--
				continue
			}
			p.writeByte(byte(ch), 1)
		default:
			p.writeByte(byte(ch), 1)
		}
	}
	l := copy(p.wsbuf, p.wsbuf[n:])
	p.wsbuf = p.wsbuf[:l]
}

func (p *printer) writeIndent() {
	for range p.indent {
		p.out = append(p.out, '\t')
	}
	p.posOff += p.indent
	if p.indent > 0 {
		p.col1 = false
	}
}

func (p *printer) writeByte(ch byte, n int) {
	if p.endAlignment {
		switch ch {
		case '\t', '\v':
			ch = ' '
		case '\n', '\f':
			ch = '\f'
			p.endAlignment = false
		}
	}
	if p.col1 {
		p.writeIndent()
	}
	for range n {
		p.out = append(p.out, ch)
	}
	p.posOff += n
	if ch == '\n' || ch == '\f' {
		p.posLine += n
		p.outLine += n
		p.col1 = true
		return
	}
	p.col1 = false
}

func (p *printer) writeString(s string, isLit bool) {
	if p.col1 {
		p.writeIndent()
	}
	if isLit {
		p.out = append(p.out, tabwriter.Escape)
	}
	p.out = append(p.out, s...)
	// Only literals and comments hold line breaks; go/printer counts
	// formfeeds in them as line breaks too.
	nlines := 0
	if isLit {
		nlines = strings.Count(s, "\n")
		if strings.IndexByte(s, '\f') >= 0 {
			nlines += strings.Count(s, "\f")
		}
		if nlines > 0 {
			p.endAlignment = true
		}
	}
	p.posOff += len(s)
	p.posLine += nlines
	p.outLine += nlines
	p.col1 = false
	if isLit {
		p.out = append(p.out, tabwriter.Escape)
	}
	p.lastLine, p.lastValid = p.posLine, true
}

// linebreak is go/printer's: at least min line breaks, as many as the
// source has up to line (at most maxNewlines), the first one a formfeed
// when newSection is set. It returns the number of breaks, counting a
// formfeed as two.
func (p *printer) linebreak(line, min int, ws whiteSpace, newSection bool) (nbreaks int) {
	n := max(nlimit(line-p.posLine), min)
	if n > 0 {
		p.ws(ws)
		if newSection {
			p.ws(formfeed)
			n--
			nbreaks = 2
		}
		nbreaks += n
		for ; n > 0; n-- {
			p.ws(newline)
		}
	}
	return nbreaks
}

func nlimit(n int) int { return min(n, maxNewlines) }

func (p *printer) recordLine(linePtr *int) { p.linePtr = linePtr }

func (p *printer) linesFrom(line int) int { return p.outLine - line }

func mayCombine(prev token.Token, next byte) bool {
	switch prev {
	case token.INT:
		return next == '.'
	case token.ADD:
		return next == '+'
	case token.SUB:
		return next == '-'
	case token.QUO:
		return next == '*'
	case token.LSS:
		return next == '-' || next == '<'
	case token.AND:
		return next == '&' || next == '^'
	}
	return false
}

// trimmer is go/printer's output filter: it drops the escape bytes around
// literals and comments and the blanks that end a line outside them.
type trimmer struct {
	out   []byte
	state int
	space []byte
}

const (
	inSpace = iota
	inEscape
	inText
)

func (t *trimmer) reset() {
	t.state = inSpace
	t.space = t.space[:0]
}

func (t *trimmer) Write(data []byte) (int, error) {
	m := 0
	for n := 0; n < len(data); n++ {
		switch t.state {
		case inSpace:
			switch b := data[n]; b {
			case '\t', ' ', '\v':
				t.space = append(t.space, spaceByte(b))
			case '\n', '\f':
				t.reset()
				t.out = append(t.out, '\n')
			case tabwriter.Escape:
				t.out = append(t.out, t.space...)
				t.state = inEscape
				m = n + 1
			default:
				t.out = append(t.out, t.space...)
				t.state = inText
				m = n
			}
		case inEscape:
			j := bytes.IndexByte(data[n:], tabwriter.Escape)
			if j < 0 {
				n = len(data)
				break
			}
			n += j
			t.out = append(t.out, data[m:n]...)
			t.reset()
		case inText:
			for n < len(data) && !trimSpecial[data[n]] {
				n++
			}
			if n == len(data) {
				break
			}
			switch b := data[n]; b {
			case '\t', ' ', '\v':
				t.out = append(t.out, data[m:n]...)
				t.reset()
				t.space = append(t.space, spaceByte(b))
			case '\n', '\f':
				t.out = append(t.out, data[m:n]...)
				t.reset()
				t.out = append(t.out, '\n')
			case tabwriter.Escape:
				t.out = append(t.out, data[m:n]...)
				t.state = inEscape
				m = n + 1
			}
		}
	}
	if t.state == inEscape || t.state == inText {
		t.out = append(t.out, data[m:]...)
		t.reset()
	}
	return len(data), nil
}

// trimSpecial marks the bytes that end a run of text for the trimmer.
var trimSpecial = [256]bool{'\t': true, ' ': true, '\v': true, '\n': true, '\f': true, tabwriter.Escape: true}

// spaceByte is b as the trimmer keeps it: a vtab is a tab.
func spaceByte(b byte) byte {
	if b == '\v' {
		return '\t'
	}
	return b
}

// source answers line and column questions about the parsed text with a
// binary search over its line starts (token.File locks and builds a
// whole Position for each).
type source struct {
	base, size int
	lines      []int // offsets of the line starts
	hint       int   // index of the line last asked about
}

func (s *source) offset(pos token.Pos) int { return int(pos) - s.base }

// line is the 1-based line of pos. The printer asks about positions
// mostly in order, so the line last found, or the next one, is tried
// first; a line further on is searched for from there in doubling steps,
// as a piece holds many declarations' lines.
func (s *source) line(pos token.Pos) int {
	off, lines, i := s.offset(pos), s.lines, s.hint
	lo, hi := 0, len(lines) // pos is on the last line in [lo, hi) starting at or before it
	if i < len(lines) && lines[i] <= off {
		if i+1 == len(lines) || off < lines[i+1] {
			return i + 1
		}
		if i+2 == len(lines) || off < lines[i+2] {
			s.hint = i + 1
			return i + 2
		}
		lo = i + 2
		for step := 1; lo+step < hi; step *= 2 {
			if lines[lo+step] > off {
				hi = lo + step
				break
			}
			lo += step
		}
	} else if i < len(lines) {
		hi = i
	}
	i, found := slices.BinarySearch(lines[lo:hi], off)
	i += lo
	if !found {
		i--
	}
	s.hint = max(i, 0)
	return i + 1
}

// column is the 1-based byte column of pos.
func (s *source) column(pos token.Pos) int {
	off := s.offset(pos)
	return off - s.lines[s.line(pos)-1] + 1
}

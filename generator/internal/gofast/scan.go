package gofast

import (
	"bytes"
	"go/token"
	"strings"
	"unicode/utf8"
)

// scanner is go/scanner for the text docs2go emits: ASCII identifiers,
// decimal numbers, strings with simple escapes, line comments, Go's
// operators, and its automatic semicolons. Anything else (a rune
// literal, a block comment, a hex number, an identifier outside ASCII,
// an escape it does not check) makes it give up, and go/parser reads the
// declaration instead, errors included: so the scanner never accepts
// text go/scanner would reject, nor reads any differently.
type scanner struct {
	src  string // the source, the prefix included
	off  int    // offset of the next byte
	line int    // 1-based line of src[off]

	insertSemi bool
	lastLine   int // line where the last non-comment token ended

	// the current token
	tok     token.Token
	pos     int // offset of its first byte
	tokLine int // line of its first byte
	lit     string
}

// checkText reports whether src holds only what go/scanner reads without
// complaint wherever it appears: valid UTF-8 without NUL bytes or byte
// order marks. Carriage returns are refused too: go/scanner drops them
// from raw strings and comments.
func checkText(src []byte) bool {
	return utf8.Valid(src) && bytes.IndexByte(src, 0) < 0 && bytes.IndexByte(src, '\r') < 0 &&
		!bytes.Contains(src, []byte("\uFEFF"))
}

// lineStarts returns the offsets of the line starts of src, as
// token.File.Lines would after a scan.
func lineStarts(src string, lines []int) []int {
	lines = append(lines[:0], 0)
	for i := 0; i < len(src); {
		j := strings.IndexByte(src[i:], '\n')
		if j < 0 {
			break
		}
		i += j + 1
		if i < len(src) {
			lines = append(lines, i)
		}
	}
	return lines
}

// next scans the next token, as go/scanner's Scan in ScanComments mode.
func (s *scanner) next() {
	s.skipSpace()
	s.pos, s.tokLine = s.off, s.line
	if s.off >= len(s.src) {
		if s.insertSemi {
			s.insertSemi = false
			s.tok, s.lit = token.SEMICOLON, "\n"
			return
		}
		s.tok, s.lit = token.EOF, ""
		return
	}
	c := s.src[s.off]
	if c == '\n' {
		// skipSpace stops at a newline only when a semicolon is due.
		s.insertSemi = false
		s.off++
		s.line++
		s.tok, s.lit = token.SEMICOLON, "\n"
		return
	}
	semi := false
	switch {
	case isLetter(c):
		start := s.off
		for s.off < len(s.src) && (isLetter(s.src[s.off]) || isDigit(s.src[s.off])) {
			s.off++
		}
		s.lit = s.src[start:s.off]
		s.tok = keyword(s.lit)
		switch s.tok {
		case token.IDENT, token.BREAK, token.CONTINUE, token.FALLTHROUGH, token.RETURN:
			semi = true
		}
	case isDigit(c):
		s.number()
		semi = true
	case c == '"':
		s.string()
		semi = true
	case c == '`':
		s.rawString()
		semi = true
	case c == '/' && s.off+1 < len(s.src) && s.src[s.off+1] == '/':
		if s.lastLine == s.line || strings.HasPrefix(s.src[s.off:], "//line") {
			unhandled() // a comment after a token, or a line directive
		}
		end := strings.IndexByte(s.src[s.off:], '\n')
		if end < 0 {
			end = len(s.src) - s.off
		}
		s.tok, s.lit = token.COMMENT, s.src[s.off:s.off+end]
		s.off += end
		return // a comment leaves insertSemi as it is (false here)
	default:
		s.operator(c)
		switch s.tok {
		case token.RPAREN, token.RBRACK, token.RBRACE, token.INC, token.DEC:
			semi = true
		}
	}
	s.insertSemi = semi
	s.lastLine = s.line
}

// skipSpace skips blanks, tabs and the newlines no semicolon replaces.
func (s *scanner) skipSpace() {
	for s.off < len(s.src) {
		switch s.src[s.off] {
		case ' ', '\t':
		case '\n':
			if s.insertSemi {
				return
			}
			s.line++
		default:
			return
		}
		s.off++
	}
}

func isLetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || c == '_' }

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

// number scans a decimal integer or a decimal float like 1.5; other
// forms are unhandled.
func (s *scanner) number() {
	start := s.off
	if s.src[s.off] == '0' && s.off+1 < len(s.src) && s.src[s.off+1] != '.' && isNumberByte(s.src[s.off+1]) {
		unhandled() // octal, hex, binary or a leading zero
	}
	s.tok = token.INT
	s.digits()
	if s.off < len(s.src) && s.src[s.off] == '.' {
		s.off++
		if s.off >= len(s.src) || !isDigit(s.src[s.off]) {
			unhandled()
		}
		s.tok = token.FLOAT
		s.digits()
	}
	if s.off < len(s.src) && (isNumberByte(s.src[s.off]) || s.src[s.off] == '.') {
		unhandled() // an exponent, a suffix, underscores
	}
	s.lit = s.src[start:s.off]
}

func (s *scanner) digits() {
	for s.off < len(s.src) && isDigit(s.src[s.off]) {
		s.off++
	}
}

func isNumberByte(c byte) bool { return isLetter(c) || isDigit(c) }

// string scans an interpreted string literal whose escapes are \\, \",
// \n or \t.
func (s *scanner) string() {
	start := s.off
	for s.off++; ; s.off++ {
		if s.off >= len(s.src) {
			unhandled()
		}
		switch s.src[s.off] {
		case '"':
			s.off++
			s.tok, s.lit = token.STRING, s.src[start:s.off]
			return
		case '\n':
			unhandled()
		case '\\':
			s.off++
			if s.off >= len(s.src) {
				unhandled()
			}
			switch s.src[s.off] {
			case '\\', '"', 'n', 't':
			default:
				unhandled()
			}
		}
	}
}

func (s *scanner) rawString() {
	end := strings.IndexByte(s.src[s.off+1:], '`')
	if end < 0 {
		unhandled()
	}
	lit := s.src[s.off : s.off+end+2]
	s.line += strings.Count(lit, "\n")
	s.off += len(lit)
	s.tok, s.lit = token.STRING, lit
}

// operator scans an operator or delimiter starting with c.
func (s *scanner) operator(c byte) {
	s.off++
	s.lit = ""
	switch c {
	case '(':
		s.tok = token.LPAREN
	case ')':
		s.tok = token.RPAREN
	case '[':
		s.tok = token.LBRACK
	case ']':
		s.tok = token.RBRACK
	case '{':
		s.tok = token.LBRACE
	case '}':
		s.tok = token.RBRACE
	case ',':
		s.tok = token.COMMA
	case ';':
		s.tok, s.lit = token.SEMICOLON, ";"
	case ':':
		s.tok = s.switch2(token.COLON, token.DEFINE)
	case '.':
		s.tok = token.PERIOD
		if isDigit(s.peek()) {
			unhandled() // a number like .5
		}
		if s.peek() == '.' && s.off+1 < len(s.src) && s.src[s.off+1] == '.' {
			s.off += 2
			s.tok = token.ELLIPSIS
		}
	case '+':
		s.tok = s.switch3(token.ADD, token.ADD_ASSIGN, '+', token.INC)
	case '-':
		s.tok = s.switch3(token.SUB, token.SUB_ASSIGN, '-', token.DEC)
	case '*':
		s.tok = s.switch2(token.MUL, token.MUL_ASSIGN)
	case '/':
		if s.peek() == '*' {
			unhandled() // a block comment
		}
		s.tok = s.switch2(token.QUO, token.QUO_ASSIGN)
	case '%':
		s.tok = s.switch2(token.REM, token.REM_ASSIGN)
	case '^':
		s.tok = s.switch2(token.XOR, token.XOR_ASSIGN)
	case '<':
		if s.peek() == '-' {
			unhandled() // channel operations
		}
		s.tok = s.switch4(token.LSS, token.LEQ, '<', token.SHL, token.SHL_ASSIGN)
	case '>':
		s.tok = s.switch4(token.GTR, token.GEQ, '>', token.SHR, token.SHR_ASSIGN)
	case '=':
		s.tok = s.switch2(token.ASSIGN, token.EQL)
	case '!':
		s.tok = s.switch2(token.NOT, token.NEQ)
	case '&':
		if s.peek() == '^' {
			s.off++
			s.tok = s.switch2(token.AND_NOT, token.AND_NOT_ASSIGN)
		} else {
			s.tok = s.switch3(token.AND, token.AND_ASSIGN, '&', token.LAND)
		}
	case '|':
		s.tok = s.switch3(token.OR, token.OR_ASSIGN, '|', token.LOR)
	case '~':
		s.tok = token.TILDE
	default:
		unhandled() // a rune literal, a non-ASCII letter, a stray byte
	}
}

func (s *scanner) peek() byte {
	if s.off < len(s.src) {
		return s.src[s.off]
	}
	return 0
}

// switch2 to switch4 are go/scanner's: the longest operator starting
// with the byte just read.
func (s *scanner) switch2(tok0, tok1 token.Token) token.Token {
	if s.peek() == '=' {
		s.off++
		return tok1
	}
	return tok0
}

func (s *scanner) switch3(tok0, tok1 token.Token, ch2 byte, tok2 token.Token) token.Token {
	if s.peek() == '=' {
		s.off++
		return tok1
	}
	if s.peek() == ch2 {
		s.off++
		return tok2
	}
	return tok0
}

func (s *scanner) switch4(tok0, tok1 token.Token, ch2 byte, tok2, tok3 token.Token) token.Token {
	if s.peek() == '=' {
		s.off++
		return tok1
	}
	if s.peek() == ch2 {
		s.off++
		if s.peek() == '=' {
			s.off++
			return tok3
		}
		return tok2
	}
	return tok0
}

// keyword is token.Lookup without its map: the keyword lit spells, or
// IDENT.
func keyword(lit string) token.Token {
	if len(lit) < 2 || lit[0] < 'b' || lit[0] > 'v' {
		return token.IDENT
	}
	switch lit {
	case "break":
		return token.BREAK
	case "case":
		return token.CASE
	case "chan":
		return token.CHAN
	case "const":
		return token.CONST
	case "continue":
		return token.CONTINUE
	case "default":
		return token.DEFAULT
	case "defer":
		return token.DEFER
	case "else":
		return token.ELSE
	case "fallthrough":
		return token.FALLTHROUGH
	case "for":
		return token.FOR
	case "func":
		return token.FUNC
	case "go":
		return token.GO
	case "goto":
		return token.GOTO
	case "if":
		return token.IF
	case "import":
		return token.IMPORT
	case "interface":
		return token.INTERFACE
	case "map":
		return token.MAP
	case "package":
		return token.PACKAGE
	case "range":
		return token.RANGE
	case "return":
		return token.RETURN
	case "select":
		return token.SELECT
	case "struct":
		return token.STRUCT
	case "switch":
		return token.SWITCH
	case "type":
		return token.TYPE
	case "var":
		return token.VAR
	}
	return token.IDENT
}

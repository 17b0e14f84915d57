package gofast

import (
	"go/ast"
	"go/token"
)

// declParser builds the syntax tree go/parser builds (ParseComments,
// SkipObjectResolution) for the declarations docs2go emits, node for node
// and position for position, several times faster: it follows
// go/parser's functions for the grammar the generated code uses and gives
// up (unhandled) on anything else and on anything go/parser would report
// as an error, so that go/parser then reads the declaration as before.
// The parser tests compare both trees with ast.Fprint.
type declParser struct {
	scanner
	nodes
	base     int               // position of src[0]
	lead     *ast.CommentGroup // doc comment of the current token
	comments []*ast.CommentGroup
	exprLev  int  // < 0: in a control clause; >= 0: in an expression
	nest     int  // nesting depth, bounded
	guardOK  bool // a .(type) guard may come: in a switch header
	prevEnd  int  // line where the token before the current one ended
}

// maxNest bounds the nesting of the parsed code (go/parser's bound is far
// higher; code this deep is not what docs2go emits).
const maxNest = 200

// parseDecls parses src, declarations, into its declarations and
// comments as go/parser reads them after prefix (the package clause and a
// blank line, not scanned: src starts on line 3, the last token before it
// on line 1).
func (p *declParser) parseDecls(src string) (decls []ast.Decl) {
	p.scanner = scanner{src: src, line: 3, lastLine: 1}
	p.base, p.lead, p.comments, p.exprLev, p.nest, p.guardOK = 1+len(prefix), nil, p.comments[:0], 0, 0, false
	p.nodes.reset()
	p.next()
	for p.tok != token.EOF {
		switch p.tok {
		case token.CONST, token.VAR, token.TYPE:
			decls = append(decls, p.genDecl())
		case token.FUNC:
			decls = append(decls, p.funcDecl())
		default:
			unhandled()
		}
	}
	return decls
}

func (p *declParser) pos() token.Pos { return token.Pos(p.base + p.scanner.pos) }

// next is go/parser's: the next token, with the comment groups before it
// collected and the last one kept as its doc comment when it ends on the
// line just above. The scanner already refused comments that follow a
// token on their line (go/parser's line comments).
func (p *declParser) next() {
	prevTok, prevLit, prevEnd := p.tok, p.lit, p.endLine
	p.prevEnd = prevEnd
	p.lead = nil
	p.scanner.next()
	if p.tok == token.COMMENT {
		var group *ast.CommentGroup
		endLine := -1
		for p.tok == token.COMMENT {
			group, endLine = p.commentGroup()
		}
		if endLine+1 == p.tokLine {
			p.lead = group
		}
	}
	if p.tokLine > prevEnd && !breakKept(prevTok, prevLit) {
		unhandled()
	}
}

// breakKept reports whether gofmt keeps a line break after tok (lit its
// text) as the printer prints it: after the { ( , or : that open or
// continue a list, a block, a field list or a case, after a binary
// operator, and at the end of a statement, as docs2go writes them. The
// sites where one of those joins the next token instead (a parenthesized
// expression, a key: value, an empty list, a unary operator) check it
// themselves (noBreak). A break gofmt joins would
// make the printer's nodeSize wrong: a node over several source lines
// would print on one.
func breakKept(tok token.Token, lit string) bool {
	switch tok {
	case token.ILLEGAL, token.LBRACE, token.LPAREN, token.COMMA, token.COLON:
		return true
	case token.SEMICOLON:
		return lit == "\n"
	}
	return tok.Precedence() > 0 // a binary operator
}

// listEnd refuses a list whose elements all stand on the line of its
// opening token (open) but whose closing token (the current one) comes on
// a later line: gofmt prints such a list on one line. first is the line
// of the first element, 0 for an empty list.
func (p *declParser) listEnd(open, first int) {
	if first == open && p.prevEnd == open && p.tokLine > open {
		unhandled()
	}
}

// noBreak refuses a line break between the token that ended on line
// and the current one, where gofmt joins them.
func (p *declParser) noBreak(line int) {
	if p.tokLine > line {
		unhandled()
	}
}

// commentGroup consumes the comments on consecutive lines starting with
// the current one.
func (p *declParser) commentGroup() (*ast.CommentGroup, int) {
	var buf [16]*ast.Comment
	list := buf[:0]
	endLine := p.tokLine
	for p.tok == token.COMMENT && p.tokLine <= endLine+1 {
		c := p.nodes.comments.new()
		c.Slash, c.Text = p.pos(), p.lit
		list = append(list, c)
		endLine = p.tokLine
		p.scanner.next()
	}
	g := p.groups.new()
	g.List = p.lines.copy(list)
	p.comments = append(p.comments, g)
	return g, endLine
}

func (p *declParser) expect(tok token.Token) token.Pos {
	if p.tok != tok {
		unhandled()
	}
	pos := p.pos()
	p.next()
	return pos
}

// expectSemi is go/parser's: a semicolon ends a statement or
// declaration, except before a closing ) or }.
func (p *declParser) expectSemi() {
	switch p.tok {
	case token.RPAREN, token.RBRACE:
	case token.SEMICOLON:
		p.next()
	default:
		unhandled()
	}
}

// atComma is go/parser's atComma where it is not an error: after a list
// element comes a comma or the closing token.
func (p *declParser) atComma(closing token.Token) bool {
	switch p.tok {
	case token.COMMA:
		return true
	case closing:
		return false
	}
	unhandled()
	return false
}

func (p *declParser) deeper() {
	p.nest++
	if p.nest > maxNest {
		unhandled()
	}
}

func (p *declParser) ident() *ast.Ident {
	if p.tok != token.IDENT {
		unhandled()
	}
	x := p.idents.new()
	x.NamePos, x.Name = p.pos(), p.lit
	p.next()
	return x
}

func (p *declParser) identList() []*ast.Ident {
	var buf [4]*ast.Ident
	list := append(buf[:0], p.ident())
	for p.tok == token.COMMA {
		p.next()
		list = append(list, p.ident())
	}
	return p.nodes.identList.copy(list)
}

// names is the name list holding only id.
func (p *declParser) names(id *ast.Ident) []*ast.Ident {
	return p.nodes.identList.copy([]*ast.Ident{id})
}

func (p *declParser) genDecl() *ast.GenDecl {
	d := &ast.GenDecl{Doc: p.lead, TokPos: p.pos(), Tok: p.tok}
	p.next()
	if p.tok != token.LPAREN {
		d.Specs = []ast.Spec{p.spec(d.Tok, nil)}
		return d
	}
	d.Lparen = p.pos()
	line := p.tokLine
	p.next()
	if p.tok == token.RPAREN {
		p.noBreak(line)
	}
	var specs []ast.Spec
	for p.tok != token.RPAREN && p.tok != token.EOF {
		specs = append(specs, p.spec(d.Tok, p.lead))
	}
	d.Specs = specs
	d.Rparen = p.expect(token.RPAREN)
	p.expectSemi()
	return d
}

func (p *declParser) spec(tok token.Token, doc *ast.CommentGroup) ast.Spec {
	if tok == token.TYPE {
		s := &ast.TypeSpec{Doc: doc, Name: p.ident()}
		switch p.tok {
		case token.LBRACK:
			unhandled() // type parameters
		case token.ASSIGN:
			s.Assign = p.pos()
			p.next()
		}
		s.Type = p.typ()
		p.expectSemi()
		return s
	}
	s := &ast.ValueSpec{Doc: doc, Names: p.identList()}
	if p.tok != token.EOF && p.tok != token.SEMICOLON && p.tok != token.RPAREN {
		s.Type = p.tryType()
		if p.tok == token.ASSIGN {
			p.next()
			s.Values = p.exprList()
		}
	}
	if s.Values == nil && (tok == token.CONST || s.Type == nil) {
		unhandled() // go/parser reports it, or an implicit const value
	}
	p.expectSemi()
	return s
}

func (p *declParser) funcDecl() *ast.FuncDecl {
	d := &ast.FuncDecl{Doc: p.lead}
	pos := p.expect(token.FUNC)
	if p.tok == token.LPAREN {
		d.Recv = p.parameters()
	}
	d.Name = p.ident()
	d.Type = p.signature(pos)
	if p.tok != token.LBRACE {
		unhandled() // no body
	}
	p.exprLev++
	d.Body = p.block()
	p.exprLev--
	p.expectSemi()
	return d
}

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
	exprLev  int // < 0: in a control clause; >= 0: in an expression
	nest     int // nesting depth, bounded
	guardOK  bool
}

// maxNest bounds the nesting of the parsed code (go/parser's bound is far
// higher; code this deep is not what docs2go emits).
const maxNest = 200

// parseDecls parses src, a file holding the package clause "package p"
// and declarations, into its declarations and comments.
func (p *declParser) parseDecls(src string) (decls []ast.Decl) {
	p.scanner = scanner{src: src, line: 1}
	p.base, p.lead, p.comments, p.exprLev, p.nest, p.guardOK = 1, nil, p.comments[:0], 0, 0, false
	p.nodes.reset()
	p.next()
	p.expect(token.PACKAGE)
	if p.tok != token.IDENT || p.lit != "p" {
		unhandled()
	}
	p.next()
	p.expectSemi()
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
	p.lead = nil
	p.scanner.next()
	if p.tok != token.COMMENT {
		return
	}
	var group *ast.CommentGroup
	endLine := -1
	for p.tok == token.COMMENT {
		group, endLine = p.commentGroup()
	}
	if endLine+1 == p.tokLine {
		p.lead = group
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
	p.next()
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

// signature parses the parameters and results after the name of a
// function or method (or after func in a type or literal).
func (p *declParser) signature(funcPos token.Pos) *ast.FuncType {
	if p.tok == token.LBRACK {
		unhandled() // type parameters
	}
	t := p.funcTypes.new()
	t.Func, t.Params = funcPos, p.parameters()
	t.Results = p.result()
	return t
}

func (p *declParser) result() *ast.FieldList {
	if p.tok == token.LPAREN {
		return p.parameters()
	}
	if typ := p.tryType(); typ != nil {
		return &ast.FieldList{List: []*ast.Field{{Type: typ}}}
	}
	return nil
}

// parameters parses a parenthesized parameter list: all parameters are
// named (names before a type share it) or none is.
func (p *declParser) parameters() *ast.FieldList {
	l := p.fieldLists.new()
	l.Opening = p.expect(token.LPAREN)
	type entry struct {
		name *ast.Ident // a name, or a type that is an identifier
		typ  ast.Expr
	}
	var buf [8]entry
	entries := buf[:0]
	named := false
	for p.tok != token.RPAREN {
		var e entry
		if p.tok == token.IDENT {
			id := p.ident()
			switch p.tok {
			case token.COMMA, token.RPAREN:
				e.name = id
			case token.PERIOD:
				e.typ = p.typeRest(p.qualified(id))
			case token.LBRACK:
				// A name and a slice type; a generic type or an array
				// type after the [ is unhandled.
				lbrack := p.pos()
				p.next()
				e.name, e.typ = id, p.sliceType(lbrack)
				named = true
			default:
				e.name, e.typ = id, p.paramType()
				named = true
			}
		} else {
			e.typ = p.paramType()
		}
		entries = append(entries, e)
		if !p.atComma(token.RPAREN) {
			break
		}
		p.next()
	}
	l.Closing = p.expect(token.RPAREN)
	mark := len(p.fieldStack)
	if !named {
		for _, e := range entries {
			f := p.nodes.fields.new()
			f.Type = e.typ
			if f.Type == nil {
				f.Type = e.name
			}
			p.fieldStack = append(p.fieldStack, f)
		}
		l.List = p.popFields(mark)
		return l
	}
	from := 0
	var names [8]*ast.Ident
	for i, e := range entries {
		if e.name == nil || i-from == len(names) {
			unhandled() // mixed named and unnamed parameters, or many names
		}
		names[i-from] = e.name
		if e.typ != nil {
			f := p.nodes.fields.new()
			f.Names, f.Type = p.nodes.identList.copy(names[:i-from+1]), e.typ
			p.fieldStack = append(p.fieldStack, f)
			from = i + 1
		}
	}
	if from != len(entries) {
		unhandled() // names without a type
	}
	l.List = p.popFields(mark)
	return l
}

// paramType is a parameter's type, variadic or not.
func (p *declParser) paramType() ast.Expr {
	if p.tok == token.ELLIPSIS {
		pos := p.pos()
		p.next()
		return &ast.Ellipsis{Ellipsis: pos, Elt: p.typ()}
	}
	return p.typ()
}

func (p *declParser) typ() ast.Expr {
	t := p.tryType()
	if t == nil {
		unhandled()
	}
	return t
}

// tryType is go/parser's tryIdentOrType without channel types and
// arrays with a length.
func (p *declParser) tryType() ast.Expr {
	p.deeper()
	defer func() { p.nest-- }()
	switch p.tok {
	case token.IDENT:
		return p.typeRest(p.typeName())
	case token.LBRACK:
		pos := p.pos()
		p.next()
		return p.sliceType(pos)
	case token.STRUCT:
		return p.structType()
	case token.MUL:
		pos := p.pos()
		p.next()
		x := p.stars.new()
		x.Star, x.X = pos, p.typ()
		return x
	case token.FUNC:
		pos := p.pos()
		p.next()
		return p.signature(pos)
	case token.INTERFACE:
		return p.interfaceType()
	case token.MAP:
		t := &ast.MapType{Map: p.pos()}
		p.next()
		p.expect(token.LBRACK)
		t.Key = p.typ()
		p.expect(token.RBRACK)
		t.Value = p.typ()
		return t
	case token.LPAREN:
		x := &ast.ParenExpr{Lparen: p.pos()}
		p.next()
		x.X = p.typ()
		x.Rparen = p.expect(token.RPAREN)
		return x
	}
	return nil
}

// sliceType parses []T after its [.
func (p *declParser) sliceType(lbrack token.Pos) ast.Expr {
	if p.tok != token.RBRACK {
		unhandled() // an array length
	}
	p.next()
	t := p.arrays.new()
	t.Lbrack, t.Elt = lbrack, p.typ()
	return t
}

func (p *declParser) typeName() ast.Expr {
	id := p.ident()
	if p.tok == token.PERIOD {
		return p.qualified(id)
	}
	return id
}

func (p *declParser) qualified(pkg *ast.Ident) ast.Expr {
	p.expect(token.PERIOD)
	x := p.selectors.new()
	x.X, x.Sel = pkg, p.ident()
	return x
}

// typeRest parses the type arguments that may follow a type name.
func (p *declParser) typeRest(t ast.Expr) ast.Expr {
	if p.tok != token.LBRACK {
		return t
	}
	lbrack := p.pos()
	p.next()
	mark := len(p.exprStack)
	for p.tok != token.RBRACK {
		x := p.typ()
		p.exprStack = append(p.exprStack, x)
		if !p.atComma(token.RBRACK) {
			break
		}
		p.next()
	}
	list := p.exprStack[mark:]
	if len(list) != 1 {
		list = p.popExprs(mark) // kept by the node
	} else {
		p.exprStack = p.exprStack[:mark] // copied into the node
	}
	rbrack := p.expect(token.RBRACK)
	return p.packIndex(t, lbrack, list, rbrack)
}

// packIndex is go/parser's packIndexExpr.
func (p *declParser) packIndex(x ast.Expr, lbrack token.Pos, list []ast.Expr, rbrack token.Pos) ast.Expr {
	switch len(list) {
	case 0:
		unhandled()
	case 1:
		e := p.indexes.new()
		e.X, e.Lbrack, e.Index, e.Rbrack = x, lbrack, list[0], rbrack
		return e
	}
	return &ast.IndexListExpr{X: x, Lbrack: lbrack, Indices: list, Rbrack: rbrack}
}

func (p *declParser) structType() ast.Expr {
	t := &ast.StructType{Struct: p.pos()}
	p.next()
	l := &ast.FieldList{Opening: p.expect(token.LBRACE)}
	mark := len(p.fieldStack)
	for p.tok == token.IDENT {
		f := p.field()
		p.fieldStack = append(p.fieldStack, f)
	}
	l.List = p.popFields(mark)
	l.Closing = p.expect(token.RBRACE)
	t.Fields = l
	return t
}

// field parses a struct field: a name and a type, or an embedded type
// name, and a tag.
func (p *declParser) field() *ast.Field {
	f := p.nodes.fields.new()
	f.Doc = p.lead
	name := p.ident()
	switch p.tok {
	case token.SEMICOLON, token.RBRACE, token.STRING:
		f.Type = name
	case token.PERIOD, token.COMMA:
		unhandled()
	case token.LBRACK:
		f.Names = p.names(name)
		lbrack := p.pos()
		p.next()
		f.Type = p.sliceType(lbrack)
	default:
		f.Names = p.names(name)
		f.Type = p.typ()
	}
	if p.tok == token.STRING {
		f.Tag = p.basicLit()
	}
	p.expectSemi()
	return f
}

func (p *declParser) interfaceType() ast.Expr {
	t := &ast.InterfaceType{Interface: p.pos()}
	p.next()
	l := &ast.FieldList{Opening: p.expect(token.LBRACE)}
	mark := len(p.fieldStack)
	for p.tok == token.IDENT {
		f := p.nodes.fields.new()
		f.Doc = p.lead
		name := p.ident()
		switch p.tok {
		case token.LPAREN:
			f.Names = p.names(name)
			f.Type = p.signature(token.NoPos)
		case token.SEMICOLON, token.RBRACE:
			f.Type = name
		default:
			unhandled()
		}
		p.expectSemi()
		p.fieldStack = append(p.fieldStack, f)
	}
	l.List = p.popFields(mark)
	l.Closing = p.expect(token.RBRACE)
	t.Methods = l
	return t
}

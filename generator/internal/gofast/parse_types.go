package gofast

import (
	"go/ast"
	"go/token"
)

// The type parsers follow go/parser's parseType, parseParameters and the
// functions they call, without type parameters, channel types and arrays
// with a length.

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
	line := p.tokLine
	l.Opening = p.expect(token.LPAREN)
	if p.tok == token.RPAREN {
		p.noBreak(line)
	}
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
		pos, line := p.pos(), p.tokLine
		p.next()
		p.noBreak(line)
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
		line := p.tokLine
		p.next()
		p.noBreak(line)
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
	lbrack, line := p.pos(), p.tokLine
	p.next()
	first := p.tokLine
	mark := len(p.exprStack)
	for p.tok != token.RBRACK {
		x := p.typ()
		p.exprStack = append(p.exprStack, x)
		if !p.atComma(token.RBRACK) {
			break
		}
		p.next()
	}
	p.listEnd(line, first)
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

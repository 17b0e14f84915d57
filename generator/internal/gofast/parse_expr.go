package gofast

import (
	"go/ast"
	"go/token"
)

// The expression parsers follow go/parser's parseExpr and the functions
// it calls.

func (p *declParser) expr() ast.Expr { return p.binaryExpr(token.LowestPrec + 1) }

func (p *declParser) exprList() []ast.Expr {
	mark := len(p.exprStack)
	x := p.expr()
	p.exprStack = append(p.exprStack, x)
	for p.tok == token.COMMA {
		p.next()
		x := p.expr()
		p.exprStack = append(p.exprStack, x)
	}
	return p.popExprs(mark)
}

func (p *declParser) binaryExpr(prec1 int) ast.Expr {
	p.deeper()
	defer func() { p.nest-- }()
	x := p.unaryExpr()
	for {
		op := p.tok
		prec := op.Precedence()
		if !op.IsOperator() || prec < prec1 || prec == 0 {
			return x
		}
		pos := p.pos()
		p.next()
		y := p.binaryExpr(prec + 1)
		x = &ast.BinaryExpr{X: x, OpPos: pos, Op: op, Y: y}
	}
}

func (p *declParser) unaryExpr() ast.Expr {
	p.deeper()
	defer func() { p.nest-- }()
	switch p.tok {
	case token.ADD, token.SUB, token.NOT, token.XOR, token.AND, token.TILDE:
		x := p.unaries.new()
		x.OpPos, x.Op = p.pos(), p.tok
		line := p.tokLine
		p.next()
		p.noBreak(line)
		x.X = p.unaryExpr()
		return x
	case token.MUL:
		x := p.stars.new()
		x.Star = p.pos()
		line := p.tokLine
		p.next()
		p.noBreak(line)
		x.X = p.unaryExpr()
		return x
	}
	return p.primaryExpr()
}

func (p *declParser) operand() ast.Expr {
	switch p.tok {
	case token.IDENT:
		return p.ident()
	case token.INT, token.FLOAT, token.STRING:
		return p.basicLit()
	case token.LPAREN:
		x := &ast.ParenExpr{Lparen: p.pos()}
		line := p.tokLine
		p.next()
		p.noBreak(line)
		p.exprLev++
		x.X = p.expr()
		p.exprLev--
		x.Rparen = p.expect(token.RPAREN)
		return x
	case token.FUNC:
		pos := p.pos()
		p.next()
		t := p.signature(pos)
		if p.tok != token.LBRACE {
			return t
		}
		p.exprLev++
		body := p.block()
		p.exprLev--
		return &ast.FuncLit{Type: t, Body: body}
	case token.LBRACK:
		pos := p.pos()
		p.next()
		if p.tok == token.ELLIPSIS {
			return p.ellipsisArray(pos)
		}
		return p.sliceType(pos)
	}
	if t := p.tryType(); t != nil {
		return t
	}
	unhandled()
	return nil
}

// ellipsisArray parses [...]T after its [, the type of a composite
// literal (the only place it may appear: the literal must follow).
func (p *declParser) ellipsisArray(lbrack token.Pos) ast.Expr {
	t := p.arrays.new()
	t.Lbrack, t.Len = lbrack, &ast.Ellipsis{Ellipsis: p.pos()}
	p.next()
	p.expect(token.RBRACK)
	t.Elt = p.typ()
	if p.tok != token.LBRACE {
		unhandled()
	}
	return t
}

func (p *declParser) basicLit() *ast.BasicLit {
	pos := p.pos()
	x := p.lits.new()
	x.ValuePos, x.ValueEnd, x.Kind, x.Value = pos, pos+token.Pos(len(p.lit)), p.tok, p.lit
	p.next()
	return x
}

func (p *declParser) primaryExpr() ast.Expr {
	x := p.operand()
	for {
		switch p.tok {
		case token.PERIOD:
			p.next()
			switch p.tok {
			case token.IDENT:
				s := p.selectors.new()
				s.X, s.Sel = x, p.ident()
				x = s
			case token.LPAREN:
				x = p.typeAssertion(x)
			default:
				unhandled()
			}
		case token.LBRACK:
			x = p.indexOrSlice(x)
		case token.LPAREN:
			x = p.call(x)
		case token.LBRACE:
			switch x.(type) {
			case *ast.Ident, *ast.SelectorExpr, *ast.IndexExpr, *ast.IndexListExpr:
				if p.exprLev < 0 {
					return x // a block follows
				}
			case *ast.ArrayType, *ast.MapType, *ast.StructType:
			default:
				return x
			}
			x = p.literalValue(x)
		default:
			return x
		}
	}
}

func (p *declParser) typeAssertion(x ast.Expr) ast.Expr {
	line := p.tokLine
	a := &ast.TypeAssertExpr{X: x, Lparen: p.expect(token.LPAREN)}
	p.noBreak(line)
	if p.tok == token.TYPE {
		if !p.guardOK {
			unhandled()
		}
		p.next()
	} else {
		a.Type = p.typ()
	}
	a.Rparen = p.expect(token.RPAREN)
	return a
}

// indexOrSlice parses x[i], x[lo:hi] or x[T] after x; x[a, b] and
// x[lo:hi:max] are unhandled.
func (p *declParser) indexOrSlice(x ast.Expr) ast.Expr {
	lbrack := p.pos()
	p.next()
	if p.tok == token.RBRACK {
		unhandled()
	}
	p.exprLev++
	var index [2]ast.Expr
	if p.tok != token.COLON {
		index[0] = p.expr()
	}
	slice := false
	switch p.tok {
	case token.COLON:
		slice = true
		line := p.tokLine
		p.next()
		p.noBreak(line)
		if p.tok != token.RBRACK {
			index[1] = p.expr()
		}
	case token.COMMA:
		unhandled()
	}
	p.exprLev--
	rbrack := p.expect(token.RBRACK)
	if slice {
		return &ast.SliceExpr{X: x, Lbrack: lbrack, Low: index[0], High: index[1], Rbrack: rbrack}
	}
	return &ast.IndexExpr{X: x, Lbrack: lbrack, Index: index[0], Rbrack: rbrack}
}

func (p *declParser) call(fun ast.Expr) ast.Expr {
	c := p.calls.new()
	line := p.tokLine
	c.Fun, c.Lparen = fun, p.expect(token.LPAREN)
	first := p.tokLine
	if p.tok == token.RPAREN {
		p.noBreak(line)
	}
	p.exprLev++
	mark := len(p.exprStack)
	for p.tok != token.RPAREN && !c.Ellipsis.IsValid() {
		x := p.expr()
		p.exprStack = append(p.exprStack, x)
		if p.tok == token.ELLIPSIS {
			c.Ellipsis = p.pos()
			p.next()
		}
		if !p.atComma(token.RPAREN) {
			break
		}
		p.next()
	}
	c.Args = p.popExprs(mark)
	if c.Args != nil {
		p.listEnd(line, first)
	}
	p.exprLev--
	c.Rparen = p.expect(token.RPAREN)
	return c
}

func (p *declParser) literalValue(typ ast.Expr) ast.Expr {
	p.deeper()
	defer func() { p.nest-- }()
	lit := p.composites.new()
	line := p.tokLine
	lit.Type, lit.Lbrace = typ, p.expect(token.LBRACE)
	first := p.tokLine
	if p.tok == token.RBRACE {
		p.noBreak(line)
	}
	p.exprLev++
	mark := len(p.exprStack)
	for p.tok != token.RBRACE {
		x := p.value()
		if p.tok == token.COLON {
			kv := p.pairs.new()
			kv.Key, kv.Colon = x, p.pos()
			line := p.tokLine
			p.next()
			p.noBreak(line)
			kv.Value = p.value()
			x = kv
		}
		p.exprStack = append(p.exprStack, x)
		if !p.atComma(token.RBRACE) {
			break
		}
		p.next()
	}
	lit.Elts = p.popExprs(mark)
	if lit.Elts != nil {
		p.listEnd(line, first)
	}
	p.exprLev--
	lit.Rbrace = p.expect(token.RBRACE)
	return lit
}

func (p *declParser) value() ast.Expr {
	if p.tok == token.LBRACE {
		return p.literalValue(nil)
	}
	return p.expr()
}

package gofast

import (
	"go/ast"
	"go/token"
)

// The statement parsers follow go/parser's parseStmt and the functions
// it calls, without labels, goto, select, channel operations and
// three-clause for loops.

func (p *declParser) block() *ast.BlockStmt {
	b := p.blocks.new()
	b.Lbrace = p.expect(token.LBRACE)
	b.List = p.stmtList()
	b.Rbrace = p.expect(token.RBRACE)
	return b
}

func (p *declParser) stmtList() []ast.Stmt {
	mark := len(p.stmtStack)
	for p.tok != token.CASE && p.tok != token.DEFAULT && p.tok != token.RBRACE && p.tok != token.EOF {
		s := p.stmt()
		p.stmtStack = append(p.stmtStack, s)
	}
	return p.popStmts(mark)
}

func (p *declParser) stmt() ast.Stmt {
	p.deeper()
	defer func() { p.nest-- }()
	switch p.tok {
	case token.CONST, token.TYPE, token.VAR:
		return &ast.DeclStmt{Decl: p.genDecl()}
	case token.IDENT, token.INT, token.FLOAT, token.STRING, token.FUNC, token.LPAREN,
		token.LBRACK, token.STRUCT, token.MAP, token.INTERFACE,
		token.ADD, token.SUB, token.MUL, token.AND, token.XOR, token.NOT:
		s, _ := p.simpleStmt(false)
		p.expectSemi()
		return s
	case token.GO, token.DEFER:
		tok, pos := p.tok, p.pos()
		p.next()
		call, ok := p.expr().(*ast.CallExpr)
		if !ok {
			unhandled()
		}
		p.expectSemi()
		if tok == token.GO {
			return &ast.GoStmt{Go: pos, Call: call}
		}
		return &ast.DeferStmt{Defer: pos, Call: call}
	case token.RETURN:
		s := p.returns.new()
		s.Return = p.pos()
		p.next()
		if p.tok != token.SEMICOLON && p.tok != token.RBRACE {
			s.Results = p.exprList()
		}
		p.expectSemi()
		return s
	case token.BREAK, token.CONTINUE:
		s := &ast.BranchStmt{TokPos: p.pos(), Tok: p.tok}
		p.next()
		p.expectSemi() // a label is unhandled here
		return s
	case token.LBRACE:
		s := p.block()
		p.expectSemi()
		return s
	case token.IF:
		return p.ifStmt()
	case token.SWITCH:
		return p.switchStmt()
	case token.FOR:
		return p.forStmt()
	}
	unhandled()
	return nil
}

// simpleStmt parses an expression, an assignment (with a range clause
// when rangeOK) or an increment.
func (p *declParser) simpleStmt(rangeOK bool) (ast.Stmt, bool) {
	x := p.exprList()
	switch p.tok {
	case token.DEFINE, token.ASSIGN, token.ADD_ASSIGN,
		token.SUB_ASSIGN, token.MUL_ASSIGN, token.QUO_ASSIGN,
		token.REM_ASSIGN, token.AND_ASSIGN, token.OR_ASSIGN,
		token.XOR_ASSIGN, token.SHL_ASSIGN, token.SHR_ASSIGN, token.AND_NOT_ASSIGN:
		s := p.assigns.new()
		s.Lhs, s.TokPos, s.Tok = x, p.pos(), p.tok
		p.next()
		if rangeOK && p.tok == token.RANGE && (s.Tok == token.DEFINE || s.Tok == token.ASSIGN) {
			r := &ast.UnaryExpr{OpPos: p.pos(), Op: token.RANGE}
			p.next()
			r.X = p.expr()
			s.Rhs = []ast.Expr{r}
			return s, true
		}
		s.Rhs = p.exprList()
		return s, false
	}
	if len(x) > 1 {
		unhandled()
	}
	switch p.tok {
	case token.INC, token.DEC:
		s := &ast.IncDecStmt{X: x[0], TokPos: p.pos(), Tok: p.tok}
		p.next()
		return s, false
	case token.COLON:
		unhandled() // a label
	}
	s := p.exprStmts.new()
	s.X = x[0]
	return s, false
}

// condition is go/parser's makeExpr: the expression of an expression
// statement.
func condition(s ast.Stmt) ast.Expr {
	e, ok := s.(*ast.ExprStmt)
	if !ok {
		unhandled()
	}
	return e.X
}

func (p *declParser) ifStmt() ast.Stmt {
	s := &ast.IfStmt{If: p.expect(token.IF)}
	if p.tok == token.LBRACE || p.tok == token.SEMICOLON || p.tok == token.VAR {
		unhandled()
	}
	prevLev := p.exprLev
	p.exprLev = -1
	init, _ := p.simpleStmt(false)
	if p.tok == token.SEMICOLON {
		if p.lit != ";" {
			unhandled() // a newline before the block
		}
		p.next()
		if p.tok == token.LBRACE {
			unhandled()
		}
		s.Init = init
		cond, _ := p.simpleStmt(false)
		s.Cond = condition(cond)
	} else {
		s.Cond = condition(init)
	}
	p.exprLev = prevLev
	s.Body = p.block()
	if p.tok != token.ELSE {
		p.expectSemi()
		return s
	}
	p.next()
	switch p.tok {
	case token.IF:
		s.Else = p.ifStmt()
	case token.LBRACE:
		s.Else = p.block()
		p.expectSemi()
	default:
		unhandled()
	}
	return s
}

func (p *declParser) switchStmt() ast.Stmt {
	pos := p.expect(token.SWITCH)
	var init, tag ast.Stmt
	if p.tok != token.LBRACE {
		prevLev := p.exprLev
		p.exprLev = -1
		if p.tok == token.SEMICOLON {
			unhandled()
		}
		p.guardOK = true
		tag, _ = p.simpleStmt(false)
		p.guardOK = false
		if p.tok == token.SEMICOLON {
			unhandled() // an init statement
		}
		p.exprLev = prevLev
	}
	typeSwitch := isTypeSwitchGuard(tag)
	body := &ast.BlockStmt{Lbrace: p.expect(token.LBRACE)}
	mark := len(p.stmtStack)
	for p.tok == token.CASE || p.tok == token.DEFAULT {
		c := &ast.CaseClause{Case: p.pos()}
		if p.tok == token.CASE {
			p.next()
			c.List = p.exprList()
		} else {
			p.next()
		}
		c.Colon = p.expect(token.COLON)
		c.Body = p.stmtList()
		p.stmtStack = append(p.stmtStack, c)
	}
	body.List = p.popStmts(mark)
	body.Rbrace = p.expect(token.RBRACE)
	p.expectSemi()
	if typeSwitch {
		return &ast.TypeSwitchStmt{Switch: pos, Init: init, Assign: tag, Body: body}
	}
	s := &ast.SwitchStmt{Switch: pos, Init: init, Body: body}
	if tag != nil {
		s.Tag = condition(tag)
		if hasTypeGuard(s.Tag) {
			unhandled()
		}
	}
	return s
}

// isTypeSwitchGuard is go/parser's, where go/parser reports no error.
func isTypeSwitchGuard(s ast.Stmt) bool {
	switch t := s.(type) {
	case *ast.ExprStmt:
		return hasTypeGuard(t.X)
	case *ast.AssignStmt:
		if len(t.Lhs) == 1 && len(t.Rhs) == 1 && hasTypeGuard(t.Rhs[0]) {
			if t.Tok != token.DEFINE {
				unhandled()
			}
			return true
		}
	}
	return false
}

func hasTypeGuard(x ast.Expr) bool {
	a, ok := x.(*ast.TypeAssertExpr)
	return ok && a.Type == nil
}

// forStmt parses for { }, for cond { } and range loops.
func (p *declParser) forStmt() ast.Stmt {
	pos := p.expect(token.FOR)
	var s ast.Stmt
	isRange := false
	if p.tok != token.LBRACE {
		prevLev := p.exprLev
		p.exprLev = -1
		switch p.tok {
		case token.SEMICOLON:
			unhandled()
		case token.RANGE:
			r := &ast.UnaryExpr{OpPos: p.pos(), Op: token.RANGE}
			p.next()
			r.X = p.expr()
			s, isRange = &ast.AssignStmt{Rhs: []ast.Expr{r}}, true
		default:
			s, isRange = p.simpleStmt(true)
		}
		if p.tok == token.SEMICOLON {
			unhandled() // a three-clause loop
		}
		p.exprLev = prevLev
	}
	body := p.block()
	p.expectSemi()
	if !isRange {
		f := &ast.ForStmt{For: pos, Body: body}
		if s != nil {
			f.Cond = condition(s)
		}
		return f
	}
	as := s.(*ast.AssignStmt)
	r := &ast.RangeStmt{For: pos, TokPos: as.TokPos, Tok: as.Tok, Range: as.Rhs[0].Pos(), X: as.Rhs[0].(*ast.UnaryExpr).X, Body: body}
	switch len(as.Lhs) {
	case 0:
	case 1:
		r.Key = as.Lhs[0]
	case 2:
		r.Key, r.Value = as.Lhs[0], as.Lhs[1]
	default:
		unhandled()
	}
	return r
}

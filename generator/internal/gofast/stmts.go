package gofast

import (
	"go/ast"
	"go/token"
)

func (p *printer) block(b *ast.BlockStmt, nindent int) {
	p.setPos(b.Lbrace)
	p.token(token.LBRACE)
	p.stmtList(b.List, nindent, true)
	p.linebreak(p.line(b.Rbrace), 1, ignore, true)
	p.setPos(b.Rbrace)
	p.token(token.RBRACE)
}

func (p *printer) stmtList(list []ast.Stmt, nindent int, nextIsRBrace bool) {
	if nindent > 0 {
		p.ws(indent)
	}
	var line int
	i := 0
	for _, s := range list {
		if _, isEmpty := s.(*ast.EmptyStmt); isEmpty {
			continue
		}
		p.linebreak(p.line(s.Pos()), 1, ignore, i == 0 || nindent == 0 || p.linesFrom(line) > 0)
		p.recordLine(&line)
		p.stmt(s, nextIsRBrace && i == len(list)-1)
		i++
	}
	if nindent > 0 {
		p.ws(unindent)
	}
}

func (p *printer) controlClause(isForStmt bool, init ast.Stmt, expr ast.Expr, post ast.Stmt) {
	p.ws(blank)
	needsBlank := false
	if init == nil && post == nil {
		if expr != nil {
			p.expr(stripParens(expr))
			needsBlank = true
		}
	} else {
		if init != nil {
			p.stmt(init, false)
		}
		p.token(token.SEMICOLON)
		p.ws(blank)
		if expr != nil {
			p.expr(stripParens(expr))
			needsBlank = true
		}
		if isForStmt {
			p.token(token.SEMICOLON)
			p.ws(blank)
			needsBlank = false
			if post != nil {
				p.stmt(post, false)
				needsBlank = true
			}
		}
	}
	if needsBlank {
		p.ws(blank)
	}
}

// stripParens drops parentheses gofmt drops around a condition; any
// parenthesized condition is left to go/format.
func stripParens(x ast.Expr) ast.Expr {
	if _, ok := x.(*ast.ParenExpr); ok {
		unhandled()
	}
	return x
}

func (p *printer) indentList(list []ast.Expr) bool {
	if len(list) >= 2 {
		b := p.line(list[0].Pos())
		e := p.line(list[len(list)-1].End())
		if 0 < b && b < e {
			n := 0
			line := b
			for _, x := range list {
				xb := p.line(x.Pos())
				xe := p.line(x.End())
				if line < xb {
					return true
				}
				if xb < xe {
					n++
				}
				line = xe
			}
			return n > 1
		}
	}
	return false
}

func (p *printer) stmt(stmt ast.Stmt, nextIsRBrace bool) {
	p.setPos(stmt.Pos())
	switch s := stmt.(type) {
	case *ast.DeclStmt:
		p.decl(s.Decl)
	case *ast.ExprStmt:
		p.expr0(s.X, 1)
	case *ast.IncDecStmt:
		p.expr0(s.X, 2)
		p.setPos(s.TokPos)
		p.token(s.Tok)
	case *ast.AssignStmt:
		depth := 1
		if len(s.Lhs) > 1 && len(s.Rhs) > 1 {
			depth++
		}
		p.exprList(s.Pos(), s.Lhs, depth, 0, s.TokPos)
		p.ws(blank)
		p.setPos(s.TokPos)
		p.token(s.Tok)
		p.ws(blank)
		p.exprList(s.TokPos, s.Rhs, depth, 0, token.NoPos)
	case *ast.GoStmt:
		p.token(token.GO)
		p.ws(blank)
		p.expr(s.Call)
	case *ast.DeferStmt:
		p.token(token.DEFER)
		p.ws(blank)
		p.expr(s.Call)
	case *ast.ReturnStmt:
		p.token(token.RETURN)
		if s.Results != nil {
			p.ws(blank)
			if p.indentList(s.Results) {
				p.ws(indent)
				p.exprList(token.NoPos, s.Results, 1, noIndent, token.NoPos)
				p.ws(unindent)
			} else {
				p.exprList(token.NoPos, s.Results, 1, 0, token.NoPos)
			}
		}
	case *ast.BranchStmt:
		if s.Label != nil {
			unhandled()
		}
		p.token(s.Tok)
	case *ast.BlockStmt:
		p.block(s, 1)
	case *ast.IfStmt:
		p.token(token.IF)
		p.controlClause(false, s.Init, s.Cond, nil)
		p.block(s.Body, 1)
		if s.Else != nil {
			p.ws(blank)
			p.token(token.ELSE)
			p.ws(blank)
			switch s.Else.(type) {
			case *ast.BlockStmt, *ast.IfStmt:
				p.stmt(s.Else, nextIsRBrace)
			default:
				unhandled()
			}
		}
	case *ast.CaseClause:
		if s.List != nil {
			p.token(token.CASE)
			p.ws(blank)
			p.exprList(s.Pos(), s.List, 1, 0, s.Colon)
		} else {
			p.token(token.DEFAULT)
		}
		p.setPos(s.Colon)
		p.token(token.COLON)
		p.stmtList(s.Body, 1, nextIsRBrace)
	case *ast.SwitchStmt:
		p.token(token.SWITCH)
		p.controlClause(false, s.Init, s.Tag, nil)
		p.block(s.Body, 0)
	case *ast.TypeSwitchStmt:
		p.token(token.SWITCH)
		if s.Init != nil {
			p.ws(blank)
			p.stmt(s.Init, false)
			p.token(token.SEMICOLON)
		}
		p.ws(blank)
		p.stmt(s.Assign, false)
		p.ws(blank)
		p.block(s.Body, 0)
	case *ast.ForStmt:
		p.token(token.FOR)
		p.controlClause(true, s.Init, s.Cond, s.Post)
		p.block(s.Body, 1)
	case *ast.RangeStmt:
		p.token(token.FOR)
		p.ws(blank)
		if s.Key != nil {
			p.expr(s.Key)
			if s.Value != nil {
				p.setPos(s.Value.Pos())
				p.token(token.COMMA)
				p.ws(blank)
				p.expr(s.Value)
			}
			p.ws(blank)
			p.setPos(s.TokPos)
			p.token(s.Tok)
			p.ws(blank)
		}
		p.token(token.RANGE)
		p.ws(blank)
		p.expr(stripParens(s.X))
		p.ws(blank)
		p.block(s.Body, 1)
	default:
		unhandled()
	}
}

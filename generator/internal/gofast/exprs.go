package gofast

import (
	"go/ast"
	"go/token"
	"math"
	"strings"
)

type exprListMode uint

const (
	commaTerm exprListMode = 1 << iota // list is optionally terminated by a comma
	noIndent                           // no extra indentation in multi-line lists
)

func (p *printer) identList(list []*ast.Ident, indent bool) {
	xlist := make([]ast.Expr, len(list))
	for i, x := range list {
		xlist[i] = x
	}
	var mode exprListMode
	if !indent {
		mode = noIndent
	}
	p.exprList(token.NoPos, xlist, 1, mode, token.NoPos)
}

// exprList is go/printer's: source line breaks between the elements are
// kept, and key:value pairs on lines of their own align their values
// unless the keys' sizes differ too much.
func (p *printer) exprList(prev0 token.Pos, list []ast.Expr, depth int, mode exprListMode, next0 token.Pos) {
	if len(list) == 0 {
		return
	}
	prevLine, nextLine := 0, 0
	if prev0.IsValid() {
		prevLine = p.line(prev0)
	}
	if next0.IsValid() {
		nextLine = p.line(next0)
	}
	line := p.line(list[0].Pos())
	endLine := p.line(list[len(list)-1].End())
	if prevLine > 0 && prevLine == line && line == endLine {
		for i, x := range list {
			if i > 0 {
				p.setPos(x.Pos())
				p.token(token.COMMA)
				p.ws(blank)
			}
			p.expr0(x, depth)
		}
		return
	}

	ws := ignore
	if mode&noIndent == 0 {
		ws = indent
	}
	prevBreak := -1
	if prevLine > 0 && prevLine < line && p.linebreak(line, 0, ws, true) > 0 {
		ws = ignore
		prevBreak = 0
	}
	size := 0
	lnsum := 0.0
	count := 0
	for i, x := range list {
		line = p.line(x.Pos())
		useFF := true
		prevSize := size
		size = p.nodeSize(x)
		pair, isPair := x.(*ast.KeyValueExpr)
		if size <= infinity && prevLine > 0 && nextLine > 0 {
			if isPair {
				size = p.nodeSize(pair.Key)
			}
		} else {
			size = 0
		}
		if prevSize > 0 && size > 0 {
			const smallSize = 40
			if count == 0 || prevSize <= smallSize && size <= smallSize {
				useFF = false
			} else {
				const r = 2.5
				geomean := math.Exp(lnsum / float64(count))
				ratio := float64(size) / geomean
				useFF = r*ratio <= 1 || r <= ratio
			}
		}
		needsLinebreak := 0 < prevLine && prevLine < line
		if i > 0 {
			if !needsLinebreak {
				p.setPos(x.Pos())
			}
			p.token(token.COMMA)
			needsBlank := true
			if needsLinebreak {
				nbreaks := p.linebreak(line, 0, ws, useFF || prevBreak+1 < i)
				if nbreaks > 0 {
					ws = ignore
					prevBreak = i
					needsBlank = false
				}
				if nbreaks > 1 {
					lnsum = 0
					count = 0
				}
			}
			if needsBlank {
				p.ws(blank)
			}
		}
		if len(list) > 1 && isPair && size > 0 && needsLinebreak {
			p.expr(pair.Key)
			p.setPos(pair.Colon)
			p.token(token.COLON)
			p.ws(vtab)
			p.expr(pair.Value)
		} else {
			p.expr0(x, depth)
		}
		if size > 0 {
			lnsum += math.Log(float64(size))
			count++
		}
		prevLine = p.line(x.End())
	}
	if mode&commaTerm != 0 && nextLine > 0 && p.posLine < nextLine {
		p.token(token.COMMA)
		if ws == ignore && mode&noIndent == 0 {
			p.ws(unindent)
		}
		p.ws(formfeed)
		return
	}
	if ws == ignore && mode&noIndent == 0 {
		p.ws(unindent)
	}
}

// nodeSize is the width of x printed on one line, or more than infinity
// when it does not fit on one. A node written over several source lines
// prints over several lines: gofmt keeps source line breaks.
func (p *printer) nodeSize(x ast.Expr) int {
	if p.line(x.Pos()) != p.line(x.End()) {
		return infinity + 1
	}
	if n, ok := simpleSize(x); ok {
		return n
	}
	return p.printedSize(x)
}

// printedSize measures x printed on one line, or more than infinity when
// it is not.
func (p *printer) printedSize(x ast.Expr) int {
	q := p.scratch
	if q == nil {
		q = &printer{src: p.src}
		p.scratch = q
	}
	*q = printer{src: p.src, out: q.out[:0], wsbuf: q.wsbuf[:0], col1: true, posLine: 1, scratch: q.scratch}
	q.expr(x)
	q.writeWhitespace(len(q.wsbuf))
	size := 0
	for _, b := range q.out {
		switch b {
		case '\n', '\f':
			return infinity + 1
		case 0xff: // tabwriter.Escape, dropped by the trimmer
		default:
			size++
		}
	}
	for i := len(q.out) - 1; i >= 0 && (q.out[i] == ' ' || q.out[i] == '\t'); i-- {
		size-- // trailing blanks, trimmed
	}
	return size
}

// simpleSize is nodeSize for an identifier, a literal on one line, or a
// key: value pair of those, without printing them: their text, and ": "
// between key and value.
func simpleSize(x ast.Expr) (int, bool) {
	switch x := x.(type) {
	case *ast.Ident:
		return len(x.Name), true
	case *ast.BasicLit:
		if strings.ContainsAny(x.Value, "\n\f") {
			return 0, false
		}
		return len(x.Value), true
	case *ast.KeyValueExpr:
		k, ok := simpleSize(x.Key)
		if !ok {
			return 0, false
		}
		v, ok := simpleSize(x.Value)
		return k + len(": ") + v, ok
	}
	return 0, false
}

func (p *printer) expr0(x ast.Expr, depth int) { p.expr1(x, token.LowestPrec, depth) }

func (p *printer) expr(x ast.Expr) { p.expr1(x, token.LowestPrec, 1) }

func (p *printer) expr1(expr ast.Expr, prec1, depth int) {
	p.setPos(expr.Pos())
	switch x := expr.(type) {
	case *ast.Ident:
		p.ident(x)
	case *ast.BasicLit:
		p.basicLit(x)
	case *ast.BinaryExpr:
		p.binaryExpr(x, prec1, cutoff(x, depth), depth)
	case *ast.KeyValueExpr:
		p.expr(x.Key)
		p.setPos(x.Colon)
		p.token(token.COLON)
		p.ws(blank)
		p.expr(x.Value)
	case *ast.StarExpr:
		if token.UnaryPrec < prec1 {
			p.token(token.LPAREN)
			p.token(token.MUL)
			p.expr(x.X)
			p.token(token.RPAREN)
		} else {
			p.token(token.MUL)
			p.expr(x.X)
		}
	case *ast.UnaryExpr:
		if token.UnaryPrec < prec1 {
			p.token(token.LPAREN)
			p.expr(x)
			p.token(token.RPAREN)
		} else {
			p.token(x.Op)
			if x.Op == token.RANGE {
				p.ws(blank)
			}
			p.expr1(x.X, token.UnaryPrec, depth)
		}
	case *ast.FuncLit:
		p.setPos(x.Type.Pos())
		p.token(token.FUNC)
		start := len(p.out) - len("func")
		p.signature(x.Type)
		p.funcBody(p.widthFrom(start), blank, x.Body)
	case *ast.ParenExpr:
		if _, hasParens := x.X.(*ast.ParenExpr); hasParens {
			p.expr0(x.X, depth)
		} else {
			p.token(token.LPAREN)
			p.expr0(x.X, reduceDepth(depth))
			p.setPos(x.Rparen)
			p.token(token.RPAREN)
		}
	case *ast.SelectorExpr:
		p.selectorExpr(x, depth, false)
	case *ast.TypeAssertExpr:
		p.expr1(x.X, token.HighestPrec, depth)
		p.token(token.PERIOD)
		p.setPos(x.Lparen)
		p.token(token.LPAREN)
		if x.Type != nil {
			p.expr(x.Type)
		} else {
			p.token(token.TYPE)
		}
		p.setPos(x.Rparen)
		p.token(token.RPAREN)
	case *ast.IndexExpr:
		p.expr1(x.X, token.HighestPrec, 1)
		p.setPos(x.Lbrack)
		p.token(token.LBRACK)
		p.expr0(x.Index, depth+1)
		p.setPos(x.Rbrack)
		p.token(token.RBRACK)
	case *ast.IndexListExpr:
		p.expr1(x.X, token.HighestPrec, 1)
		p.setPos(x.Lbrack)
		p.token(token.LBRACK)
		p.exprList(x.Lbrack, x.Indices, depth+1, commaTerm, x.Rbrack)
		p.setPos(x.Rbrack)
		p.token(token.RBRACK)
	case *ast.SliceExpr:
		p.sliceExpr(x, depth)
	case *ast.CallExpr:
		p.callExpr(x, depth)
	case *ast.CompositeLit:
		if x.Type != nil {
			p.expr1(x.Type, token.HighestPrec, depth)
		}
		p.setPos(x.Lbrace)
		p.token(token.LBRACE)
		p.exprList(x.Lbrace, x.Elts, 1, commaTerm, x.Rbrace)
		p.ws(indent)
		p.ws(unindent)
		p.setPos(x.Rbrace)
		p.token(token.RBRACE)
	case *ast.Ellipsis:
		p.token(token.ELLIPSIS)
		if x.Elt != nil {
			p.expr(x.Elt)
		}
	case *ast.ArrayType:
		p.token(token.LBRACK)
		if x.Len != nil {
			p.expr(x.Len)
		}
		p.token(token.RBRACK)
		p.expr(x.Elt)
	case *ast.StructType:
		p.token(token.STRUCT)
		p.fieldList(x.Fields, true)
	case *ast.FuncType:
		p.token(token.FUNC)
		p.signature(x)
	case *ast.InterfaceType:
		p.token(token.INTERFACE)
		p.fieldList(x.Methods, false)
	case *ast.MapType:
		p.token(token.MAP)
		p.token(token.LBRACK)
		p.expr(x.Key)
		p.token(token.RBRACK)
		p.expr(x.Value)
	default:
		unhandled()
	}
}

func (p *printer) sliceExpr(x *ast.SliceExpr, depth int) {
	p.expr1(x.X, token.HighestPrec, 1)
	p.setPos(x.Lbrack)
	p.token(token.LBRACK)
	indices := []ast.Expr{x.Low, x.High}
	if x.Max != nil {
		indices = append(indices, x.Max)
	}
	var needsBlanks bool
	if depth <= 1 {
		var indexCount int
		var hasBinaries bool
		for _, x := range indices {
			if x != nil {
				indexCount++
				if _, ok := x.(*ast.BinaryExpr); ok {
					hasBinaries = true
				}
			}
		}
		if indexCount > 1 && hasBinaries {
			needsBlanks = true
		}
	}
	for i, x := range indices {
		if i > 0 {
			if indices[i-1] != nil && needsBlanks {
				p.ws(blank)
			}
			p.token(token.COLON)
			if x != nil && needsBlanks {
				p.ws(blank)
			}
		}
		if x != nil {
			p.expr0(x, depth+1)
		}
	}
	p.setPos(x.Rbrack)
	p.token(token.RBRACK)
}

func (p *printer) callExpr(x *ast.CallExpr, depth int) {
	if len(x.Args) > 1 {
		depth++
	}
	paren := false
	switch x.Fun.(type) {
	case *ast.FuncType:
		paren = true
	case *ast.ChanType:
		unhandled()
	}
	if paren {
		p.token(token.LPAREN)
	}
	wasIndented := false
	if sel, ok := x.Fun.(*ast.SelectorExpr); ok {
		wasIndented = p.selectorExpr(sel, depth, true)
	} else {
		p.expr1(x.Fun, token.HighestPrec, depth)
	}
	if paren {
		p.token(token.RPAREN)
	}
	p.setPos(x.Lparen)
	p.token(token.LPAREN)
	if x.Ellipsis.IsValid() {
		p.exprList(x.Lparen, x.Args, depth, 0, x.Ellipsis)
		p.setPos(x.Ellipsis)
		p.token(token.ELLIPSIS)
		if x.Rparen.IsValid() && p.line(x.Ellipsis) < p.line(x.Rparen) {
			p.token(token.COMMA)
			p.ws(formfeed)
		}
	} else {
		p.exprList(x.Lparen, x.Args, depth, commaTerm, x.Rparen)
	}
	p.setPos(x.Rparen)
	p.token(token.RPAREN)
	if wasIndented {
		p.ws(unindent)
	}
}

func (p *printer) selectorExpr(x *ast.SelectorExpr, depth int, isMethod bool) bool {
	p.expr1(x.X, token.HighestPrec, depth)
	p.token(token.PERIOD)
	if line := p.line(x.Sel.Pos()); p.posLine < line {
		p.ws(indent)
		p.ws(newline)
		p.setPos(x.Sel.Pos())
		p.ident(x.Sel)
		if !isMethod {
			p.ws(unindent)
		}
		return true
	}
	p.setPos(x.Sel.Pos())
	p.ident(x.Sel)
	return false
}

func (p *printer) binaryExpr(x *ast.BinaryExpr, prec1, cutoff, depth int) {
	prec := x.Op.Precedence()
	if prec < prec1 {
		p.token(token.LPAREN)
		p.expr0(x, reduceDepth(depth))
		p.token(token.RPAREN)
		return
	}
	printBlank := prec < cutoff
	ws := indent
	p.expr1(x.X, prec, depth+diffPrec(x.X, prec))
	if printBlank {
		p.ws(blank)
	}
	xline := p.posLine
	yline := p.line(x.Y.Pos())
	p.setPos(x.OpPos)
	p.token(x.Op)
	if xline != yline && xline > 0 && yline > 0 {
		if p.linebreak(yline, 1, ws, true) > 0 {
			ws = ignore
			printBlank = false
		}
	}
	if printBlank {
		p.ws(blank)
	}
	p.expr1(x.Y, prec+1, depth+1)
	if ws == ignore {
		p.ws(unindent)
	}
}

func walkBinary(e *ast.BinaryExpr) (has4, has5 bool, maxProblem int) {
	switch e.Op.Precedence() {
	case 4:
		has4 = true
	case 5:
		has5 = true
	}
	switch l := e.X.(type) {
	case *ast.BinaryExpr:
		if l.Op.Precedence() < e.Op.Precedence() {
			break
		}
		h4, h5, mp := walkBinary(l)
		has4 = has4 || h4
		has5 = has5 || h5
		maxProblem = max(maxProblem, mp)
	}
	switch r := e.Y.(type) {
	case *ast.BinaryExpr:
		if r.Op.Precedence() <= e.Op.Precedence() {
			break
		}
		h4, h5, mp := walkBinary(r)
		has4 = has4 || h4
		has5 = has5 || h5
		maxProblem = max(maxProblem, mp)
	case *ast.StarExpr:
		if e.Op == token.QUO {
			maxProblem = 5
		}
	case *ast.UnaryExpr:
		switch e.Op.String() + r.Op.String() {
		case "/*", "&&", "&^":
			maxProblem = 5
		case "++", "--":
			maxProblem = max(maxProblem, 4)
		}
	}
	return
}

func cutoff(e *ast.BinaryExpr, depth int) int {
	has4, has5, maxProblem := walkBinary(e)
	if maxProblem > 0 {
		return maxProblem + 1
	}
	if has4 && has5 {
		if depth == 1 {
			return 5
		}
		return 4
	}
	if depth == 1 {
		return 6
	}
	return 4
}

func diffPrec(expr ast.Expr, prec int) int {
	x, ok := expr.(*ast.BinaryExpr)
	if !ok || prec != x.Op.Precedence() {
		return 1
	}
	return 0
}

func reduceDepth(depth int) int {
	return max(depth-1, 1)
}

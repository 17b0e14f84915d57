package gofast

import (
	"go/ast"
	"go/token"
	"text/tabwriter"
)

// The node printers below follow go/printer's nodes.go function by
// function, minus what the generated code never holds (they give up on
// it instead).

// declList prints top-level declarations with the line breaks gofmt
// puts between them.
func (p *printer) declList(list []ast.Decl) {
	tok := token.ILLEGAL
	for i, d := range list {
		prev := tok
		tok = declToken(d)
		if i > 0 {
			min := 1
			if prev != tok || docOf(d) != nil {
				min = 2
			}
			p.linebreak(p.line(d.Pos()), min, ignore, tok == token.FUNC && p.line(d.End()) > p.line(d.Pos()))
		}
		p.decl(d)
	}
}

func declToken(d ast.Decl) token.Token {
	switch d := d.(type) {
	case *ast.GenDecl:
		return d.Tok
	case *ast.FuncDecl:
		return token.FUNC
	}
	return token.ILLEGAL
}

func docOf(d ast.Decl) *ast.CommentGroup {
	switch d := d.(type) {
	case *ast.GenDecl:
		return d.Doc
	case *ast.FuncDecl:
		return d.Doc
	}
	return nil
}

func (p *printer) decl(d ast.Decl) {
	switch d := d.(type) {
	case *ast.GenDecl:
		p.genDecl(d)
	case *ast.FuncDecl:
		p.funcDecl(d)
	default:
		unhandled()
	}
}

func (p *printer) genDecl(d *ast.GenDecl) {
	p.setPos(d.Pos())
	p.token(d.Tok)
	p.ws(blank)
	if d.Lparen.IsValid() || len(d.Specs) != 1 {
		p.groupDecl(d)
		return
	}
	switch s := d.Specs[0].(type) {
	case *ast.ValueSpec:
		p.spec(s, true)
	case *ast.TypeSpec:
		p.typeSpec(s, 1)
	default:
		unhandled()
	}
}

// spec prints the only value spec of a declaration.
func (p *printer) spec(s *ast.ValueSpec, doIndent bool) {
	if s.Comment != nil {
		unhandled()
	}
	p.identList(s.Names, doIndent)
	if s.Type != nil {
		p.ws(blank)
		p.expr(s.Type)
	}
	if s.Values != nil {
		p.ws(blank)
		p.token(token.ASSIGN)
		p.ws(blank)
		p.exprList(token.NoPos, s.Values, 1, 0, token.NoPos)
	}
}

func (p *printer) typeSpec(s *ast.TypeSpec, n int) {
	if s.TypeParams != nil || s.Comment != nil {
		unhandled()
	}
	p.expr(s.Name)
	if n == 1 {
		p.ws(blank)
	} else {
		p.ws(vtab)
	}
	if s.Assign.IsValid() {
		p.token(token.ASSIGN)
		p.ws(blank)
	}
	p.expr(s.Type)
}

// groupDecl prints a parenthesized group of declarations.
func (p *printer) groupDecl(d *ast.GenDecl) {
	p.setPos(d.Lparen)
	p.token(token.LPAREN)
	if n := len(d.Specs); n > 0 {
		p.ws(indent)
		p.ws(formfeed)
		var keepType []bool
		if n > 1 && (d.Tok == token.CONST || d.Tok == token.VAR) {
			keepType = keepTypeColumn(d.Specs)
		}
		var line int
		for i, s := range d.Specs {
			if i > 0 {
				p.linebreak(p.line(s.Pos()), 1, ignore, p.linesFrom(line) > 0)
			}
			p.recordLine(&line)
			switch s := s.(type) {
			case *ast.ValueSpec:
				if keepType == nil {
					p.spec(s, false)
				} else {
					p.valueSpec(s, keepType[i])
				}
			case *ast.TypeSpec:
				p.typeSpec(s, n)
			default:
				unhandled()
			}
		}
		p.ws(unindent)
		p.ws(formfeed)
	}
	p.setPos(d.Rparen)
	p.token(token.RPAREN)
}

func keepTypeColumn(specs []ast.Spec) []bool {
	m := make([]bool, len(specs))
	populate := func(i, j int, keepType bool) {
		if keepType {
			for ; i < j; i++ {
				m[i] = true
			}
		}
	}
	i0 := -1
	var keepType bool
	for i, s := range specs {
		t := s.(*ast.ValueSpec)
		if t.Values != nil {
			if i0 < 0 {
				i0 = i
				keepType = false
			}
		} else if i0 >= 0 {
			populate(i0, i, keepType)
			i0 = -1
		}
		if t.Type != nil {
			keepType = true
		}
	}
	if i0 >= 0 {
		populate(i0, len(specs), keepType)
	}
	return m
}

func (p *printer) valueSpec(s *ast.ValueSpec, keepType bool) {
	if s.Comment != nil {
		unhandled()
	}
	p.identList(s.Names, false)
	if s.Type != nil || keepType {
		p.ws(vtab)
	}
	if s.Type != nil {
		p.expr(s.Type)
	}
	if s.Values != nil {
		p.ws(vtab)
		p.token(token.ASSIGN)
		p.ws(blank)
		p.exprList(token.NoPos, s.Values, 1, 0, token.NoPos)
	}
}

func (p *printer) funcDecl(d *ast.FuncDecl) {
	p.setPos(d.Pos())
	p.token(token.FUNC)
	start := len(p.out) - len("func")
	p.ws(blank)
	if d.Recv != nil {
		p.parameters(d.Recv, false)
		p.ws(blank)
	}
	p.expr(d.Name)
	p.signature(d.Type)
	p.funcBody(p.widthFrom(start), vtab, d.Body)
}

// widthFrom is how many columns the current output line holds from
// out[start] on, or infinity when a line break came since.
func (p *printer) widthFrom(start int) int {
	if len(p.wsbuf) > 0 {
		unhandled()
	}
	w := 0
	for _, b := range p.out[start:] {
		switch b {
		case '\n', '\f':
			return infinity
		case tabwriter.Escape:
		default:
			w++
		}
	}
	return w
}

// funcBody prints a body after a header headerSize wide: an empty body
// written on the header's line stays there when the line is short, as
// gofmt does; a longer body on the header's line is unhandled.
func (p *printer) funcBody(headerSize int, sep whiteSpace, b *ast.BlockStmt) {
	if b == nil {
		return
	}
	const maxSize = 100
	if p.line(b.Lbrace) == p.line(b.Rbrace) {
		if len(b.List) > 0 || p.cindex < len(p.comments) && p.comments[p.cindex].Pos() < b.Rbrace {
			unhandled()
		}
		if headerSize <= maxSize {
			p.ws(sep)
			p.setPos(b.Lbrace)
			p.token(token.LBRACE)
			p.setPos(b.Rbrace)
			p.token(token.RBRACE)
			return
		}
	}
	p.ws(blank)
	p.block(b, 1)
}

// parameters prints a parameter or result list (typeParams: a type
// parameter list of a function).
func (p *printer) parameters(fields *ast.FieldList, typeParams bool) {
	openTok, closeTok := token.LPAREN, token.RPAREN
	if typeParams {
		openTok, closeTok = token.LBRACK, token.RBRACK
	}
	p.setPos(fields.Opening)
	p.token(openTok)
	if len(fields.List) > 0 {
		prevLine := p.line(fields.Opening)
		ws := indent
		for i, par := range fields.List {
			parLineBeg := p.line(par.Pos())
			parLineEnd := p.line(par.End())
			needsLinebreak := 0 < prevLine && prevLine < parLineBeg
			if i > 0 {
				if !needsLinebreak {
					p.setPos(par.Pos())
				}
				p.token(token.COMMA)
			}
			if needsLinebreak && p.linebreak(parLineBeg, 0, ws, true) > 0 {
				ws = ignore
			} else if i > 0 {
				p.ws(blank)
			}
			if len(par.Names) > 0 {
				p.identList(par.Names, ws == indent)
				p.ws(blank)
			}
			p.expr(stripParensAlways(par.Type))
			prevLine = parLineEnd
		}
		if closing := p.line(fields.Closing); 0 < prevLine && prevLine < closing {
			p.token(token.COMMA)
			p.linebreak(closing, 0, ignore, true)
		}
		if ws == ignore {
			p.ws(unindent)
		}
	}
	p.setPos(fields.Closing)
	p.token(closeTok)
}

func (p *printer) signature(sig *ast.FuncType) {
	if sig.TypeParams != nil {
		p.parameters(sig.TypeParams, true)
	}
	if sig.Params != nil {
		p.parameters(sig.Params, false)
	} else {
		p.token(token.LPAREN)
		p.token(token.RPAREN)
	}
	res := sig.Results
	if n := res.NumFields(); n > 0 {
		p.ws(blank)
		if n == 1 && res.List[0].Names == nil {
			p.expr(stripParensAlways(res.List[0].Type))
			return
		}
		p.parameters(res, false)
	}
}

func stripParensAlways(x ast.Expr) ast.Expr {
	if x, ok := x.(*ast.ParenExpr); ok {
		return stripParensAlways(x.X)
	}
	return x
}

// fieldList prints the fields of a struct or the methods of an
// interface written over several lines.
func (p *printer) fieldList(fields *ast.FieldList, isStruct bool) {
	lbrace, rbrace, list := fields.Opening, fields.Closing, fields.List
	if p.line(lbrace) == p.line(rbrace) {
		if len(list) > 0 || p.cindex < len(p.comments) && p.comments[p.cindex].Pos() < rbrace {
			unhandled() // gofmt may keep a small one on one line
		}
		p.setPos(lbrace)
		p.token(token.LBRACE)
		p.setPos(rbrace)
		p.token(token.RBRACE)
		return
	}
	if len(list) == 0 {
		unhandled()
	}
	p.ws(blank)
	p.setPos(lbrace)
	p.token(token.LBRACE)
	p.ws(indent)
	p.ws(formfeed)
	sep := vtab
	if len(list) == 1 {
		sep = blank
	}
	var line int
	for i, f := range list {
		if i > 0 {
			p.linebreak(p.line(f.Pos()), 1, ignore, p.linesFrom(line) > 0)
		}
		if f.Comment != nil {
			unhandled()
		}
		p.recordLine(&line)
		switch {
		case !isStruct && len(f.Names) > 0: // a method
			p.expr(f.Names[0])
			p.signature(f.Type.(*ast.FuncType))
		case !isStruct: // an embedded interface
			p.expr(f.Type)
		default:
			p.field(f, sep)
		}
	}
	p.ws(unindent)
	p.ws(formfeed)
	p.setPos(rbrace)
	p.token(token.RBRACE)
}

// field prints a struct field, its parts separated by sep.
func (p *printer) field(f *ast.Field, sep whiteSpace) {
	if len(f.Names) > 0 {
		p.identList(f.Names, false)
		p.ws(sep)
	}
	p.expr(f.Type)
	if f.Tag != nil {
		if len(f.Names) > 0 && sep == vtab {
			p.ws(sep)
		}
		p.ws(sep)
		p.expr(f.Tag)
	}
}

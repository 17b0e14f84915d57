package gofast

import "go/ast"

// A declaration's syntax tree lives only while it is printed, so the
// parser takes its nodes and lists from chunks it keeps and reuses for
// the next declaration, instead of allocating each one (allocation was
// most of the cost of reading a declaration).

// slab hands out zeroed Ts from reused chunks.
type slab[T any] struct {
	chunks [][]T
	i, n   int // current chunk, next free element in it
}

func (s *slab[T]) reset() { s.i, s.n = 0, 0 }

func (s *slab[T]) new() *T {
	if s.i == len(s.chunks) {
		s.chunks = append(s.chunks, make([]T, 256))
	}
	c := s.chunks[s.i]
	x := &c[s.n]
	var zero T
	*x = zero
	if s.n++; s.n == len(c) {
		s.i, s.n = s.i+1, 0
	}
	return x
}

// lists hands out copies of slices from reused chunks, capped so that an
// append cannot spill into the next one.
type lists[T any] struct {
	chunks [][]T
	i, n   int
}

func (l *lists[T]) reset() { l.i, l.n = 0, 0 }

func (l *lists[T]) copy(src []T) []T {
	if len(src) == 0 {
		return nil
	}
	for {
		if l.i == len(l.chunks) {
			l.chunks = append(l.chunks, make([]T, max(1024, len(src))))
		}
		if c := l.chunks[l.i]; l.n+len(src) <= len(c) {
			out := c[l.n : l.n+len(src) : l.n+len(src)]
			copy(out, src)
			l.n += len(src)
			return out
		}
		l.i, l.n = l.i+1, 0
	}
}

// nodes are the parser's slabs and lists.
type nodes struct {
	idents     slab[ast.Ident]
	lits       slab[ast.BasicLit]
	selectors  slab[ast.SelectorExpr]
	calls      slab[ast.CallExpr]
	stars      slab[ast.StarExpr]
	unaries    slab[ast.UnaryExpr]
	composites slab[ast.CompositeLit]
	pairs      slab[ast.KeyValueExpr]
	fields     slab[ast.Field]
	comments   slab[ast.Comment]
	groups     slab[ast.CommentGroup]
	indexes    slab[ast.IndexExpr]
	arrays     slab[ast.ArrayType]
	fieldLists slab[ast.FieldList]
	funcTypes  slab[ast.FuncType]
	blocks     slab[ast.BlockStmt]
	exprStmts  slab[ast.ExprStmt]
	assigns    slab[ast.AssignStmt]
	returns    slab[ast.ReturnStmt]

	exprs     lists[ast.Expr]
	identList lists[*ast.Ident]
	fieldList lists[*ast.Field]
	stmts     lists[ast.Stmt]
	lines     lists[*ast.Comment]

	// stacks on which lists grow before they are copied: lists nest
	exprStack  []ast.Expr
	stmtStack  []ast.Stmt
	fieldStack []*ast.Field
}

func (a *nodes) reset() {
	a.idents.reset()
	a.lits.reset()
	a.selectors.reset()
	a.calls.reset()
	a.stars.reset()
	a.unaries.reset()
	a.composites.reset()
	a.pairs.reset()
	a.fields.reset()
	a.comments.reset()
	a.groups.reset()
	a.indexes.reset()
	a.arrays.reset()
	a.fieldLists.reset()
	a.funcTypes.reset()
	a.blocks.reset()
	a.exprStmts.reset()
	a.assigns.reset()
	a.returns.reset()
	a.exprs.reset()
	a.identList.reset()
	a.fieldList.reset()
	a.stmts.reset()
	a.lines.reset()
}

// popExprs returns the expressions pushed on the stack since mark.
func (a *nodes) popExprs(mark int) []ast.Expr {
	l := a.exprs.copy(a.exprStack[mark:])
	clear(a.exprStack[mark:])
	a.exprStack = a.exprStack[:mark]
	return l
}

func (a *nodes) popStmts(mark int) []ast.Stmt {
	l := a.stmts.copy(a.stmtStack[mark:])
	clear(a.stmtStack[mark:])
	a.stmtStack = a.stmtStack[:mark]
	return l
}

func (a *nodes) popFields(mark int) []*ast.Field {
	l := a.fieldList.copy(a.fieldStack[mark:])
	clear(a.fieldStack[mark:])
	a.fieldStack = a.fieldStack[:mark]
	return l
}

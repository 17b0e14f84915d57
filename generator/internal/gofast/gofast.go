// Package gofast prints the top-level declarations docs2go emits exactly as
// gofmt does, several times faster than go/format.
//
// It reads a declaration with its own scanner and parser (parse.go),
// which build go/parser's syntax tree for the Go docs2go emits (only with
// the line breaks gofmt keeps) and give up on anything else, and prints
// the tree with a port of the parts of go/printer that the generated code
// uses,
// without its general comment handling and without reprinting nodes to
// measure them: doc comments directly above a declaration, a field or a
// method are the only comments it prints, and any construct or layout it
// does not know makes it give up on the declaration, which the caller
// then formats with go/format. So it is never wrong by design, only
// slower where it does not apply; the tests compare it byte for byte with
// go/format on every file the generator writes.
//
// Like go/printer, it writes a stream for text/tabwriter (htabs for
// indentation, vtabs between alignment cells, formfeeds closing an
// alignment section, escaped literals and comments), which the same
// tabwriter settings and a trimmer turn into the final text.
//
// Being derived from go/printer, this package's code is Copyright The Go
// Authors and under the Go project's BSD-style license, kept next to it in
// the file LICENSE; the rest of docs2go is under its own MIT license.
package gofast

import (
	"bytes"
	"errors"
	"go/ast"
	"go/format"
	"go/parser"
	"go/token"
	"sync"
	"text/tabwriter"
	"unsafe"
)

// prefix heads the source of every declaration so that it parses as a
// file; Decl cuts its formatted form off again.
const prefix = "package p\n\n"

// Decl formats src, one or more top-level declarations (with their doc
// comments) that start a line, as gofmt formats them inside a file: the
// result is what go/format prints for "package p\n\n"+src, minus that
// first line and the blank line after it. fast says whether this
// package printed it; otherwise go/format did. err is go/format's when
// src does not parse, or says that src is not declarations.
func Decl(src []byte) (out []byte, fast bool, err error) {
	return AppendDecl(nil, src)
}

// AppendDecl is Decl appending the formatted declarations to dst (which
// it returns unchanged with an error), to save a buffer per declaration.
func AppendDecl(dst, src []byte) (out []byte, fast bool, err error) {
	if out, ok := AppendFast(dst, src); ok {
		return out, true, nil
	}
	// The printer relies on what the fast parser checks (line breaks
	// gofmt keeps), so go/format prints what it does not read.
	b := pool.Get().(*buffers)
	defer pool.Put(b)
	full := append(append(b.full[:0], prefix...), src...)
	b.full = full
	fset := token.NewFileSet()
	file, err := parser.ParseFile(fset, "", full, parser.ParseComments|parser.SkipObjectResolution)
	if err != nil {
		return dst, false, err
	}
	var buf bytes.Buffer
	buf.Grow(len(full))
	if err := format.Node(&buf, fset, file); err != nil {
		return dst, false, err
	}
	out, ok := bytes.CutPrefix(buf.Bytes(), []byte(prefix))
	if !ok {
		return dst, false, errors.New("gofast: not declarations")
	}
	return append(dst, out...), false, nil
}

// AppendFast is AppendDecl when this package prints src, and reports
// false (dst unchanged) where AppendDecl would have go/format print it: a
// caller may then cut src smaller, so that go/format prints only the
// declarations this package does not.
func AppendFast(dst, src []byte) (out []byte, ok bool) {
	b := pool.Get().(*buffers)
	defer pool.Put(b)
	decls, comments, ok := b.parse(src)
	if !ok {
		return dst, false
	}
	b.lines = lineStarts(b.parser.src, b.lines)
	s := &source{base: 1, size: len(prefix) + len(src), lines: b.lines}
	return printFile(dst, s, decls, comments, b)
}

// parse reads src (declarations, as after prefix) with the fast parser,
// or reports that it gave up. The syntax tree's strings point into src:
// it must not outlive the printing (the caller's bytes are reused for the
// next declaration).
func (b *buffers) parse(src []byte) (decls []ast.Decl, comments []*ast.CommentGroup, ok bool) {
	if len(src) == 0 || !checkText(src) {
		return nil, nil, false
	}
	defer func() {
		// errUnhandled, or a bug of this parser on an input it was not
		// tested with: either way go/parser reads the declaration.
		if r := recover(); r != nil {
			decls, comments, ok = nil, nil, false
		}
	}()
	decls = b.parser.parseDecls(unsafe.String(&src[0], len(src)))
	return decls, b.parser.comments, len(decls) > 0
}

// buffers are what printing one declaration needs and drops once it is
// printed (the parser keeps nothing of its source), reused from one
// declaration to the next.
type buffers struct {
	full   []byte // the source with its package clause
	parser declParser
	lines  []int // line starts of full
	p      printer
	tw     tabwriter.Writer
	trim   trimmer
}

var pool = sync.Pool{New: func() any { return new(buffers) }}

// printFile appends the declarations printed to dst, or reports that it
// cannot print them.
func printFile(dst []byte, src *source, decls []ast.Decl, comments []*ast.CommentGroup, b *buffers) (out []byte, ok bool) {
	b.p = printer{src: src, out: b.p.out[:0], wsbuf: b.p.wsbuf[:0], col1: true, comments: comments, scratch: b.p.scratch, docLines: b.p.docLines}
	p := &b.p
	defer func() {
		// errUnhandled, or a bug of this printer on an input it was not
		// tested with: either way go/format prints the declaration.
		if r := recover(); r != nil {
			out, ok = dst, false
		}
	}()
	if len(decls) == 0 {
		unhandled()
	}
	p.declList(decls)
	if p.docs != len(comments) {
		unhandled() // a comment this printer does not place
	}
	p.ws(newline)
	p.flushWS()
	return p.tabulate(dst, &b.tw, &b.trim), true
}

// tabulate runs the stream through text/tabwriter as go/printer
// configures it for gofmt, then trims trailing blanks as its trimmer
// does, and ends the text with a newline.
func (p *printer) tabulate(dst []byte, tw *tabwriter.Writer, t *trimmer) []byte {
	t.out = dst
	t.reset()
	if bytes.IndexByte(p.out, '\v') < 0 {
		// No alignment cells: the tabwriter would pass every line
		// through as it is (indentation tabs and text), so skip it.
		t.Write(p.out)
	} else {
		tw.Init(t, 0, 8, 1, ' ', tabwriter.DiscardEmptyColumns|tabwriter.TabIndent)
		for rest := p.out; len(rest) > 0; {
			n, cells := nextSection(rest)
			if cells {
				tw.Write(rest[:n])
				tw.Flush()
			} else {
				t.Write(rest[:n]) // as above
			}
			rest = rest[n:]
		}
	}
	out := t.out
	t.out = nil // the caller's now
	return out
}

// nextSection returns the length of the stream up to the next point
// where text/tabwriter flushes (after a formfeed, or after a line without
// tab or vtab outside escaped text: the tabwriter aligns nothing across
// such a point), and whether the section holds a vtab.
func nextSection(s []byte) (n int, vtab bool) {
	cells := false
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case tabwriter.Escape:
			j := bytes.IndexByte(s[i+1:], tabwriter.Escape)
			if j < 0 {
				return len(s), vtab
			}
			i += 1 + j
		case '\t':
			cells = true
		case '\v':
			cells, vtab = true, true
		case '\n':
			if !cells {
				return i + 1, vtab
			}
			cells = false
		case '\f':
			return i + 1, vtab
		}
	}
	return len(s), vtab
}

// errUnhandled makes the printer give up: a construct or layout it does
// not print exactly as gofmt.
var errUnhandled = &struct{ error }{}

func unhandled() { panic(errUnhandled) }

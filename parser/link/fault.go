package link

import (
	"fmt"

	"github.com/docs2go/docs2go/parser/ir"
)

// A bug in the linker must not end the run, and its report must say where
// to look: the per-page work of every pass runs under a guard that turns a
// panic into an internal-error at the page, skips the rest of that page's
// work in that pass, and lets the other pages go on. Passes that work on
// types rather than pages record the page of the type they are on, for
// Link's last-resort recovery.

// faultHook, set only by tests, runs before the work on each page in each
// pass; a panic in it stands for a bug of the linker on that page.
var faultHook func(pass string, p *ir.Page)

// pagePos is where an internal error on page p is reported.
func pagePos(file string) ir.Pos { return ir.Pos{File: file, Line: 1, Col: 1} }

// internalError is the diagnostic of a recovered panic r at pos.
func internalError(pos ir.Pos, r any) ir.Diagnostic {
	return ir.Diagnostic{Pos: pos, Severity: ir.Error, Code: ir.CodeInternalError,
		Message: fmt.Sprintf("linker: internal error: %v", r)}
}

// guarded runs work for page p in pass; a panic is returned as an
// internal-error diagnostic at p instead of raised. It writes nothing of
// the linker's, so the parallel prepare pass can call it too.
func guarded(pass string, p *ir.Page, work func()) (fault *ir.Diagnostic) {
	defer func() {
		if r := recover(); r != nil {
			d := internalError(pagePos(p.File), r)
			fault = &d
		}
	}()
	if faultHook != nil {
		faultHook(pass, p)
	}
	work()
	return nil
}

// onPage runs work for page p in pass and records its fault, if any;
// false after a fault.
func (l *linker) onPage(pass string, p *ir.Page, work func()) bool {
	l.working = p.File
	fault := guarded(pass, p, work)
	if fault != nil {
		l.diags = append(l.diags, *fault)
	}
	return fault == nil
}

// defFile is the page of the type or enum stored under key, "" for a type
// inferred from examples.
func (l *linker) defFile(key string) string {
	if d := l.defs[key]; d != nil && len(d.decls) > 0 {
		return d.decls[0].page.File
	}
	return ""
}

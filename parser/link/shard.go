package link

import (
	"github.com/docs2go/docs2go/internal/indexed"
	"github.com/docs2go/docs2go/parser/ir"
)

// Passes whose work on one item (a page, a type) reads the index and writes
// only what belongs to that item run on every core: each goroutine works
// on a shard, a copy of the linker that shares the index but collects its
// own diagnostics, endpoints and skips, which are taken per item and
// merged in item order. The result is exactly the serial pass's, whatever
// the scheduling.

// shard returns a linker sharing l's index, with empty outputs.
func (l *linker) shard() *linker {
	s := *l
	s.diags, s.endpoints, s.skipped = nil, nil, nil
	return &s
}

// itemOutput is what one item's work added to its shard; kept only for the
// items that added something or panicked.
type itemOutput struct {
	diags     ir.Diagnostics
	endpoints []*ir.Endpoint
	skipped   []ir.Skip
	working   string // the page the shard was on when work panicked
	panicked  any
}

// take moves a shard's outputs, and the panic r, out of it; nil when there
// are none.
func (l *linker) take(r any) *itemOutput {
	if len(l.diags) == 0 && len(l.endpoints) == 0 && len(l.skipped) == 0 && r == nil {
		return nil
	}
	out := &itemOutput{diags: l.diags, endpoints: l.endpoints, skipped: l.skipped, working: l.working, panicked: r}
	l.diags, l.endpoints, l.skipped = nil, nil, nil
	return out
}

// sharded runs work(s, i) for i in 0 … n-1 on every core, s being the
// goroutine's shard, and merges the items' outputs in order of i. work must
// write nothing shared but its item. A panic that escapes work (outside the
// page guards) is raised again once the items before it are merged, with
// the page its shard was working on, as the serial pass would have.
func (l *linker) sharded(n int, work func(s *linker, i int)) {
	outs := make([]*itemOutput, n)
	indexed.EachWith(n, func() func(i int) {
		s := l.shard()
		return func(i int) {
			defer func() { outs[i] = s.take(recover()) }()
			work(s, i)
		}
	})
	for _, out := range outs {
		if out == nil {
			continue
		}
		l.diags = append(l.diags, out.diags...)
		l.endpoints = append(l.endpoints, out.endpoints...)
		l.skipped = append(l.skipped, out.skipped...)
		if out.panicked != nil {
			l.working = out.working
			panic(out.panicked)
		}
	}
}

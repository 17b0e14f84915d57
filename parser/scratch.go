package parser

import "sync"

// scratch holds what one parse needs only while it runs: the line index
// (positions are computed as the walk goes) and the arrays a table's cells
// and rows and a fence's lines are read into, each valid until the next
// table or fence, and the recycler of goldmark's block nodes and line
// arrays (recycle.go). Scratches go from page to page through a pool: made
// fresh per page, they were a sixth of the parser's allocations. Nothing
// of the page keeps them; what a pooled scratch still refers to (one
// page's strings) is dropped with it at a collection.
type scratch struct {
	li     lineIndex
	fence  []fenceLine
	header []string
	cells  []string
	rows   []row
	kept   []row // checkedRows
	blocks recycler
}

var scratches = sync.Pool{New: func() any { return new(scratch) }}

// maxPooled bounds the arrays a pooled scratch keeps: a hostile page of a
// million lines or cells should not pin megabytes per core for the rest of
// a run.
const maxPooled = 1 << 16

// release returns s to scratches, with the blocks of its parse given back
// to its recycler (whether the parse finished or not); s must not be used
// afterwards.
func (s *scratch) release() {
	s.blocks.reclaim()
	if max(cap(s.li.starts), cap(s.fence), cap(s.header), cap(s.cells), cap(s.rows), cap(s.kept)) > maxPooled {
		return
	}
	s.li.file = ""
	scratches.Put(s)
}

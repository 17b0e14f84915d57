package jsontree

import (
	"strings"

	"github.com/docs2go/docs2go/parser/ir"
)

// OffsetPos converts a byte offset in blk.Text into a page position: the
// block's first byte is at blk.Pos, later lines start at column 1.
func OffsetPos(blk *ir.Block, off int) ir.Pos {
	off = max(0, min(off, len(blk.Text)))
	before := blk.Text[:off]
	nl := strings.Count(before, "\n")
	if nl == 0 {
		return ir.Pos{File: blk.Pos.File, Line: blk.Pos.Line, Col: max(blk.Pos.Col, 1) + off}
	}
	return ir.Pos{File: blk.Pos.File, Line: blk.Pos.Line + nl, Col: off - strings.LastIndexByte(before, '\n')}
}

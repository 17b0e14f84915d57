package check

import (
	"strings"

	"github.com/docs2go/docs2go/parser/ir"
)

// offsetPos converts a byte offset in blk.Text into a page position: the
// block's first byte is at blk.Pos, later lines start at column 1.
func offsetPos(blk *ir.Block, off int) ir.Pos {
	off = max(0, min(off, len(blk.Text)))
	before := blk.Text[:off]
	nl := strings.Count(before, "\n")
	if nl == 0 {
		col := blk.Pos.Col
		if col < 1 {
			col = 1
		}
		return ir.Pos{File: blk.Pos.File, Line: blk.Pos.Line, Col: col + off}
	}
	return ir.Pos{File: blk.Pos.File, Line: blk.Pos.Line + nl, Col: off - strings.LastIndexByte(before, '\n')}
}

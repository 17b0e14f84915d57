package parser

import (
	"sort"

	"github.com/docs2go/docs2go/parser/ir"
)

// lineIndex converts byte offsets of the whole file (front matter included)
// into 1-based line and byte-column positions.
type lineIndex struct {
	file   string
	starts []int // offset of the first byte of each line
}

func newLineIndex(file string, src []byte) *lineIndex {
	starts := make([]int, 1, len(src)/40+1)
	for i, c := range src {
		if c == '\n' {
			starts = append(starts, i+1)
		}
	}
	return &lineIndex{file: file, starts: starts}
}

// pos returns the position of offset off; negative offsets yield the
// file-only position.
func (li *lineIndex) pos(off int) ir.Pos {
	if off < 0 {
		return ir.Pos{File: li.file}
	}
	i := sort.Search(len(li.starts), func(i int) bool { return li.starts[i] > off }) - 1
	return ir.Pos{File: li.file, Line: i + 1, Col: off - li.starts[i] + 1}
}

// splitLines splits b into lines without their "\n" (and "\r"), with the
// offset of each line relative to b.
func splitLines(b []byte) (lines []string, offs []int) {
	start := 0
	for i := 0; i <= len(b); i++ {
		if i == len(b) || b[i] == '\n' {
			if i == len(b) && start == len(b) {
				break
			}
			line := b[start:i]
			if n := len(line); n > 0 && line[n-1] == '\r' {
				line = line[:n-1]
			}
			lines = append(lines, string(line))
			offs = append(offs, start)
			start = i + 1
		}
	}
	return lines, offs
}

package parser

import (
	"bytes"
	"iter"
	"slices"
	"strings"

	"github.com/docs2go/docs2go/parser/ir"
)

// lineIndex converts byte offsets of the whole file (front matter included)
// into 1-based line and byte-column positions.
type lineIndex struct {
	file   string
	starts []int // offset of the first byte of each line
}

func newLineIndex(file string, src []byte) *lineIndex {
	// Count, then IndexByte: both are vectorized, where a byte loop
	// appending to a guessed capacity was a tenth of our own work.
	starts := make([]int, 1, bytes.Count(src, []byte{'\n'})+1)
	for i := 0; ; {
		j := bytes.IndexByte(src[i:], '\n')
		if j < 0 {
			break
		}
		i += j + 1
		starts = append(starts, i)
	}
	return &lineIndex{file: file, starts: starts}
}

// pos returns the position of offset off; negative offsets yield the
// file-only position.
func (li *lineIndex) pos(off int) ir.Pos {
	if off < 0 {
		return ir.Pos{File: li.file}
	}
	i, _ := slices.BinarySearch(li.starts, off+1) // the first line starting after off
	i--
	return ir.Pos{File: li.file, Line: i + 1, Col: off - li.starts[i] + 1}
}

// splitLines splits b into lines without their "\n" (and "\r"), with the
// offset of each line relative to b.
func splitLines(b []byte) (lines []string, offs []int) {
	for off, line := range eachLine(string(b)) {
		lines = append(lines, line)
		offs = append(offs, off)
	}
	return lines, offs
}

// eachLine yields the lines of s as splitLines returns them, offset first,
// without allocating: front matter and link definitions stop early or
// look at few lines, and splitting whole pages was a tenth of the parse.
func eachLine(s string) iter.Seq2[int, string] {
	return func(yield func(int, string) bool) {
		for start := 0; start < len(s); {
			end := strings.IndexByte(s[start:], '\n')
			next := start + end + 1
			if end < 0 {
				end, next = len(s)-start, len(s)
			}
			line := s[start : start+end]
			line = strings.TrimSuffix(line, "\r")
			if !yield(start, line) {
				return
			}
			start = next
		}
	}
}

package parser

import (
	"bytes"
	"iter"
	"slices"
	"strings"

	"github.com/docs2go/docs2go/parser/ir"
	"github.com/yuin/goldmark/text"
)

// lineIndex converts byte offsets of the whole file (front matter included)
// into 1-based line and byte-column positions.
type lineIndex struct {
	file   string
	starts []int // offset of the first byte of each line
	last   int   // the line the previous pos found
}

func newLineIndex(file string, src []byte) *lineIndex {
	li := &lineIndex{}
	li.index(file, src)
	return li
}

// index indexes src, reusing li's array. IndexByte is vectorized, where a
// byte loop was a tenth of our own work.
func (li *lineIndex) index(file string, src []byte) {
	li.file, li.last = file, 0
	li.starts = append(li.starts[:0], 0)
	for i := 0; ; {
		j := bytes.IndexByte(src[i:], '\n')
		if j < 0 {
			break
		}
		i += j + 1
		li.starts = append(li.starts, i)
	}
}

// linesFrom yields the start and end (before its "\n") of each line of
// the indexed text from offset base on, relative to base; a line that
// base cuts starts at 0. n is the length of the indexed text.
func (li *lineIndex) linesFrom(base, n int) iter.Seq2[int, int] {
	return func(yield func(int, int) bool) {
		start := base
		i, _ := slices.BinarySearch(li.starts, base+1) // the first line starting after base
		for ; start < n; i++ {
			end := n
			if i < len(li.starts) {
				end = li.starts[i] - 1
			}
			if !yield(start-base, end-base) {
				return
			}
			start = end + 1
		}
	}
}

// pos returns the position of offset off; negative offsets yield the
// file-only position.
func (li *lineIndex) pos(off int) ir.Pos {
	if off < 0 {
		return ir.Pos{File: li.file}
	}
	i := li.line(off)
	return ir.Pos{File: li.file, Line: i + 1, Col: off - li.starts[i] + 1}
}

// line returns the index of the line holding offset off (not negative).
// The walk asks in document order, mostly for the line of the previous
// call or the next one (the rows of a table), which are tried before a
// binary search.
func (li *lineIndex) line(off int) int {
	s := li.starts
	if i := li.last; i < len(s) && s[i] <= off {
		for j := i; j <= i+1 && j < len(s); j++ {
			if j+1 == len(s) || off < s[j+1] {
				li.last = j
				return j
			}
		}
	}
	i, _ := slices.BinarySearch(s, off+1) // the first line starting after off
	li.last = i - 1
	return i - 1
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

// joinLines returns the values of segs without their line ends, joined by
// "\n". Most blocks are one line, or lines that follow each other in md:
// their text is a slice of mdTxt, only the rest is copied.
func (p *pageParser) joinLines(segs []text.Segment) string {
	if len(segs) == 1 {
		return trimEOL(p.value(segs[0]))
	}
	if s, ok := p.adjacentLines(segs); ok {
		return s
	}
	var b strings.Builder
	for i, seg := range segs {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(trimEOL(p.value(seg)))
	}
	return b.String()
}

// adjacentLines returns joinLines(segs) as a slice of mdTxt when it is one:
// no padding or forced newline, every line but the last ends in a single
// "\n" where the next one starts, and no "\r" before the last line (a
// CRLF line keeps its "\r" in the slice, not in the join).
func (p *pageParser) adjacentLines(segs []text.Segment) (string, bool) {
	if len(segs) == 0 {
		return "", true
	}
	for i, seg := range segs {
		if seg.Padding > 0 || seg.ForceNewline || i > 0 && segs[i-1].Stop != seg.Start {
			return "", false
		}
		if i < len(segs)-1 && (seg.Stop == seg.Start || p.mdTxt[seg.Stop-1] != '\n') {
			return "", false
		}
	}
	first, last := segs[0], segs[len(segs)-1]
	head := p.mdTxt[first.Start:last.Start] // the lines before the last, each with its "\n"
	if strings.Count(head, "\n") != len(segs)-1 || strings.IndexByte(head, '\r') >= 0 {
		return "", false
	}
	return p.mdTxt[first.Start : last.Start+len(trimEOL(p.mdTxt[last.Start:last.Stop]))], true
}

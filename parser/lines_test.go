package parser

import (
	"bytes"
	"slices"
	"testing"
)

// TestLinesFrom checks lineIndex.linesFrom against splitting the text at
// each "\n" from every base offset, a base inside a line included.
func TestLinesFrom(t *testing.T) {
	for _, src := range []string{"", "\n", "a", "a\n", "ab\ncd", "ab\ncd\n", "\n\nx\r\n\ny", "\xef\xbb\xbf# T\n\ntext\n"} {
		li := newLineIndex("t.md", []byte(src))
		for base := 0; base <= len(src); base++ {
			var want [][2]int
			md := []byte(src[base:])
			for start := 0; start < len(md); {
				end := bytes.IndexByte(md[start:], '\n')
				if end < 0 {
					end = len(md)
				} else {
					end += start
				}
				want = append(want, [2]int{start, end})
				start = end + 1
			}
			var got [][2]int
			for start, end := range li.linesFrom(base, len(src)) {
				got = append(got, [2]int{start, end})
			}
			if !slices.Equal(got, want) {
				t.Fatalf("%q from %d: lines %v, want %v", src, base, got, want)
			}
		}
	}
}

// TestLinePositions checks lineIndex.line, which tries the previous line
// and the next one first, against a binary search for offsets in order,
// in reverse order and jumping about, past the end included.
func TestLinePositions(t *testing.T) {
	src := []byte("ab\n\ncd\r\nlonger line\n\n\nx")
	li := newLineIndex("t.md", src)
	var offs []int
	for off := 0; off <= len(src)+2; off++ {
		offs = append(offs, off)
	}
	for off := len(src) + 2; off >= 0; off-- {
		offs = append(offs, off)
	}
	offs = append(offs, 0, 20, 3, 9, 4, 25, 8, 2, 21, 22, 5)
	for _, off := range offs {
		want, _ := slices.BinarySearch(li.starts, off+1)
		if got := li.line(off); got != want-1 {
			t.Fatalf("line(%d) = %d, want %d", off, got, want-1)
		}
	}
}

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

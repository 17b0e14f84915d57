package gofast

import (
	"go/token"
	"math/rand/v2"
	"slices"
	"testing"
)

// TestSourceLine asks source.line about offsets in random order (so
// from every hint, before and after it, near and far) and wants what a
// binary search over the line starts answers.
func TestSourceLine(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for n := 1; n < 200; n++ {
		lines := []int{0}
		for len(lines) < n {
			lines = append(lines, lines[len(lines)-1]+1+r.IntN(5))
		}
		end := lines[len(lines)-1] + 5
		s := &source{base: 1, lines: lines}
		for range 500 {
			off := r.IntN(end)
			want, found := slices.BinarySearch(lines, off)
			if !found {
				want--
			}
			if got := s.line(token.Pos(s.base + off)); got != want+1 {
				t.Fatalf("line starts %v, offset %d: line %d, want %d", lines, off, got, want+1)
			}
		}
	}
}

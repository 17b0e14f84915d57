package gofast

import (
	"go/token"
	"testing"
)

// TestKeyword wants keyword to agree with token.Lookup on every keyword
// and on identifiers that look like one.
func TestKeyword(t *testing.T) {
	words := []string{"a", "b", "x", "breaks", "Func", "funcs", "ma", "_", "v", "z", "zz"}
	for tok := token.BREAK; tok <= token.VAR; tok++ {
		words = append(words, tok.String())
	}
	for _, w := range words {
		if got, want := keyword(w), token.Lookup(w); got != want {
			t.Errorf("keyword(%q) = %v, want %v", w, got, want)
		}
	}
}

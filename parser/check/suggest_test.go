package check

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// TestDidYouMeanAsFullDistances: the bounded search suggests what
// comparing the full distances of every candidate suggests.
func TestDidYouMeanAsFullDistances(t *testing.T) {
	fixed := []struct{ s, want string }{
		{"trucated", `; did you mean "truncated"`},
		{"DisplayNam", `; did you mean "displayName"`},
		{"zzzzzzzz", ""},
		{"ab", `; did you mean "a"`},
		{"naïve", `; did you mean "NAÏVE"`},
	}
	cands := []string{"truncated", "displayName", "a", "NAÏVE", "isCollection"}
	for _, c := range fixed {
		if got := didYouMean(c.s, cands); got != c.want {
			t.Errorf("didYouMean(%q) = %q, want %q", c.s, got, c.want)
		}
	}
	r := rand.New(rand.NewPCG(1, 2))
	word := func() string {
		const letters = "abcdeABCDE_é"
		var b strings.Builder
		for range r.IntN(9) {
			b.WriteString(string([]rune(letters)[r.IntN(len([]rune(letters)))]))
		}
		return b.String()
	}
	for range 3000 {
		var cands []string
		for range r.IntN(12) {
			cands = append(cands, word())
		}
		s := word()
		if got, want := didYouMean(s, cands), fullDistanceSuggestion(s, cands); got != want {
			t.Fatalf("didYouMean(%q, %q) = %q, want %q", s, cands, got, want)
		}
	}
}

// fullDistanceSuggestion is didYouMean measuring every candidate fully.
func fullDistanceSuggestion(s string, candidates []string) string {
	best, bestD := "", -1
	for _, c := range candidates {
		d := levenshtein(strings.ToLower(s), strings.ToLower(c))
		if bestD < 0 || d < bestD || (d == bestD && c < best) {
			best, bestD = c, d
		}
	}
	if bestD < 0 || bestD > max(1, len(s)/3) {
		return ""
	}
	return `; did you mean "` + best + `"`
}

func levenshtein(a, b string) int {
	prev := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur := make([]int, len(b)+1)
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev = cur
	}
	return prev[len(b)]
}

package check

import (
	"fmt"
	"testing"

	"github.com/docs2go/docs2go/internal/jsontree"
)

// TestKeySet checks both ways keySet answers (scan and map) against the
// map of seen keys the walk kept before.
func TestKeySet(t *testing.T) {
	for _, n := range []int{0, 3, scanKeys, scanKeys + 1, 50} {
		var members []jsontree.Member
		for i := range n {
			members = append(members, jsontree.Member{Key: fmt.Sprintf("k%d", i%7)}) // repeats from the 8th on
		}
		ks := newKeySet(members)
		seen := map[string]bool{}
		for i, m := range members {
			if got := ks.before(m.Key, i); got != seen[m.Key] {
				t.Errorf("%d members: before(%q, %d) = %v, want %v", n, m.Key, i, got, seen[m.Key])
			}
			seen[m.Key] = true
		}
		for _, k := range []string{"k0", "k6", "k7", ""} {
			if got := ks.has(k); got != seen[k] {
				t.Errorf("%d members: has(%q) = %v, want %v", n, k, got, seen[k])
			}
		}
	}
}

// TestPathString checks the walker's path stack spells what the string
// paths did.
func TestPathString(t *testing.T) {
	w := &walker{}
	check := func(want, wantPrefix string) {
		t.Helper()
		if got := w.pathString(); got != want {
			t.Errorf("path = %q, want %q", got, want)
		}
		if got := w.pathPrefix(); got != wantPrefix {
			t.Errorf("prefix = %q, want %q", got, wantPrefix)
		}
	}
	check("", "")
	w.enterItem(2)
	check("[2]", "[2]: ")
	w.leave()
	w.enter("value")
	w.enterItem(1)
	w.enter("count")
	check("value[1].count", "value[1].count: ")
	w.leave()
	w.leave()
	w.enter("")
	check("value.", "value.: ")
}

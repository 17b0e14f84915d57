package generator

import (
	"fmt"
	"maps"
	"math/rand/v2"
	"strings"
	"testing"
)

// qualifyRounds is qualify as first written: every round rederives every
// key's identifiers and regroups them all. It is the reference the
// incremental qualify must agree with.
func qualifyRounds(parts map[string]nameParts, derive func(key, name string) []string, taken func(id string) bool) map[string]string {
	level := make(map[string]int, len(parts))
	full := make(map[string]string, len(parts))
	for k, p := range parts {
		level[k], full[k] = p.min, p.name(p.maxLevel())
	}
	names := make(map[string]string, len(parts))
	for {
		for k, p := range parts {
			names[k] = p.name(level[k])
		}
		holders := map[string]map[string]bool{}
		bump := map[string]bool{}
		for k := range parts {
			for _, id := range derive(k, names[k]) {
				if holders[id] == nil {
					holders[id] = map[string]bool{}
				}
				holders[id][k] = true
				bump[k] = bump[k] || taken(id)
			}
		}
		for _, ks := range holders {
			distinct := map[string]bool{}
			for k := range ks {
				distinct[full[k]] = true
			}
			for k := range ks {
				bump[k] = bump[k] || len(distinct) > 1
			}
		}
		moved := false
		for k, b := range bump {
			if b && level[k] < parts[k].maxLevel() {
				level[k]++
				moved = true
			}
		}
		if !moved {
			return names
		}
	}
}

// TestQualifyMatchesRounds names random groups full of collisions (shared
// nouns under shared and distinct parents, true ties, $ref and action
// segments, names taken outside the group, identifiers derived from other
// names: X and XRequest; a key qualified into the plain name of a key
// that did not move: chats/{id}/messages meets chatMessages) with the incremental qualify and the reference,
// and wants the same names.
func TestQualifyMatchesRounds(t *testing.T) {
	lits := []string{"users", "me", "groups", "teams", "channels", "chats", "messages", "members", "$ref",
		"messageRequests", "education", "microsoft.graph.createReply", "policies", "roleAssignments",
		"deviceManagement", "roleManagement", "directory", "mailFolders", "childFolders", "chatMessages", "userMessages",
		"teamChannelMessages", "channelMessages"}
	kinds := []opKind{opCreate, opGet, opList, opUpdate, opDelete, opAction}
	rng := rand.New(rand.NewPCG(1, 2))
	for g := range 200 {
		parts := map[string]nameParts{}
		examples := map[string]int{}
		for k := range 1 + rng.IntN(80) {
			var segs []string
			for range 1 + rng.IntN(5) {
				segs = append(segs, lits[rng.IntN(len(lits))])
				if rng.IntN(2) == 0 {
					segs = append(segs, "{id}")
				}
			}
			r, err := parseRoute("POST", "/"+strings.Join(segs, "/"))
			if err != nil {
				t.Fatal(err)
			}
			key := fmt.Sprintf("page%d.md#%d", k, 1+rng.IntN(2))
			parts[key] = routeParts(r, kinds[rng.IntN(len(kinds))])
			examples[key] = rng.IntN(3)
		}
		taken := map[string]bool{"CreateUser": true, "GetMessage": true, "ListUsers": true}
		if g%2 == 0 {
			taken["CreateMessageRequest"] = true
		}
		derive := func(key, b string) []string { return endpointIdents(b, examples[key]) }
		isTaken := func(id string) bool { return taken[id] }
		got, want := qualify(parts, derive, isTaken), qualifyRounds(parts, derive, isTaken)
		if !maps.Equal(got, want) {
			for k := range want {
				if got[k] != want[k] {
					t.Errorf("group %d, key %s: got %s, want %s", g, k, got[k], want[k])
				}
			}
		}
	}
}

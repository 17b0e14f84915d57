package generator

import (
	"maps"
	"slices"
)

// qualify picks a level for every key so that the names are unique when
// the paths allow it. Names whose identifiers (derive) meet another key's,
// or one taken outside the group (types, fixed names), all move one level
// up, every member of the group alike, until no group is left that a
// further qualifier could split (see splittable). Only sets are consulted,
// so the result does not depend on the order of keys. Ties that remain are
// left to the namer's numeric suffix.
//
// The rounds are synchronous (every move of a round is decided on the
// names of the round before), but each round looks only at the keys that
// could move: those that moved in the last round and those that share an
// identifier whose holders changed. Any other key sees what it saw in the
// last round, when it either did not move or could not (at its top level),
// so it does neither now. A group of thousands of endpoints is thus named
// in a few passes over the few that collide instead of rederiving every
// name's identifiers each round.
func qualify(parts map[string]nameParts, derive func(key, name string) []string, taken func(id string) bool) map[string]string {
	keys := slices.Sorted(maps.Keys(parts))
	ps := make([]nameParts, len(keys))
	for i, k := range keys {
		ps[i] = parts[k]
	}
	q := newQualifier(keys, ps, func(i int, name string) []string { return derive(keys[i], name) })
	q.solve(taken)
	names := make(map[string]string, len(q.keys))
	for i, k := range q.keys {
		names[k] = q.name[i]
	}
	return names
}

// qualifier is qualify's state, one slot per key (keys sorted, so that
// the work done, not only its outcome, is the same on every run).
type qualifier struct {
	keys    []string
	parts   []nameParts
	level   []int
	name    []string   // parts[i].name(level[i])
	ids     [][]string // derive(i, name[i])
	hit     []bool     // some identifier of ids[i] is taken outside the group
	full    []string   // the most qualified name, which tells keys apart
	holders map[string][]int
	derive  func(i int, name string) []string
	taken   func(id string) bool // set by solve
	free    []bool               // set by solve: ids[i] are taken neither outside the group nor by another key
	// one holds the first holder of each identifier registered by
	// newQualifier, so that most identifiers (held by one key) cost no
	// allocation of their own.
	one []int
}

// newQualifier builds the qualifier of keys (sorted, unique), each named
// from its parts, at their lowest levels. What is taken outside the
// group is not consulted yet (see solve): the group can be prepared
// before its scope is filled.
func newQualifier(keys []string, parts []nameParts, derive func(i int, name string) []string) *qualifier {
	n := len(keys)
	q := &qualifier{keys: keys, parts: parts, level: make([]int, n), name: make([]string, n),
		ids: make([][]string, n), hit: make([]bool, n), full: make([]string, n), derive: derive}
	// The names and their identifiers are derived on every core; the
	// holders are registered in key order.
	planEach(n, func(i int) {
		p := parts[i]
		q.level[i], q.full[i] = p.min, p.name(p.maxLevel())
		q.name[i] = p.name(p.min)
		q.ids[i] = derive(i, q.name[i])
	})
	count := 0
	for _, ids := range q.ids {
		count += len(ids)
	}
	q.holders = make(map[string][]int, count)
	q.one = make([]int, 0, count)
	for i := range keys {
		q.register(i, nil)
	}
	return q
}

// solve qualifies the names until no group a qualifier could split is
// left, taken telling which identifiers are held outside the group.
func (q *qualifier) solve(taken func(id string) bool) {
	q.taken = taken
	planEach(len(q.keys), func(i int) { q.hit[i] = q.anyTaken(i) })
	for dirty := q.everyKey(); len(dirty) > 0; {
		dirty = q.round(dirty)
	}
	q.free = make([]bool, len(q.keys))
	planEach(len(q.keys), func(i int) { q.free[i] = !q.hit[i] && q.alone(i) })
}

// alone reports whether key i is the only holder of its identifiers.
func (q *qualifier) alone(i int) bool {
	for _, id := range q.ids[i] {
		if len(q.holders[id]) > 1 {
			return false
		}
	}
	return true
}

// anyTaken reports whether some identifier of key i is taken outside the
// group.
func (q *qualifier) anyTaken(i int) bool {
	return slices.ContainsFunc(q.ids[i], q.taken)
}

// everyKey lists every key: in the first round any of them may move.
func (q *qualifier) everyKey() []int {
	all := make([]int, len(q.keys))
	for i := range all {
		all[i] = i
	}
	return all
}

// rename names key i at its level. It reads only key i's slots and
// writes them: the keys a round moves are renamed on every core.
func (q *qualifier) rename(i int) {
	q.name[i] = q.parts[i].name(q.level[i])
	q.ids[i] = q.derive(i, q.name[i])
	q.hit[i] = q.anyTaken(i)
}

// register adds key i to the holders of its identifiers, noting in
// changed (when not nil) the identifiers whose holders it joined.
func (q *qualifier) register(i int, changed map[string]bool) {
	for _, id := range q.ids[i] {
		// A name may derive one identifier twice; holders is a set. The
		// key's own appends are consecutive, so a repeat is the last one.
		switch hs := q.holders[id]; {
		case len(hs) == 0 && cap(hs) == 0 && len(q.one) < cap(q.one):
			q.one = append(q.one, i)
			q.holders[id] = q.one[len(q.one)-1 : len(q.one) : len(q.one)]
		case len(hs) == 0 || hs[len(hs)-1] != i:
			q.holders[id] = append(hs, i)
		}
		if changed != nil {
			changed[id] = true
		}
	}
}

// unregister removes key i from the holders of its identifiers, noting
// them in changed.
func (q *qualifier) unregister(i int, changed map[string]bool) {
	for _, id := range q.ids[i] {
		q.holders[id] = slices.DeleteFunc(q.holders[id], func(h int) bool { return h == i })
		changed[id] = true
	}
}

// round decides which of the candidate keys move up a level, moves them
// all at once, and returns the keys the next round must look at, sorted.
// The decisions and the new names are made on every core (each reads
// the holders as the round found them, or writes its own key's slots);
// the holders are updated in key order.
func (q *qualifier) round(candidates []int) []int {
	bump := make([]bool, len(candidates))
	planEach(len(candidates), func(j int) {
		i := candidates[j]
		bump[j] = q.level[i] < q.parts[i].maxLevel() && q.bumped(i)
	})
	var moved []int
	for j, i := range candidates {
		if bump[j] {
			moved = append(moved, i)
		}
	}
	changed := map[string]bool{}
	for _, i := range moved {
		q.unregister(i, changed)
	}
	planEach(len(moved), func(j int) {
		q.level[moved[j]]++
		q.rename(moved[j])
	})
	for _, i := range moved {
		q.register(i, changed)
	}
	next := make([]bool, len(q.keys))
	for _, i := range moved {
		next[i] = true
	}
	for id := range changed {
		for _, h := range q.holders[id] {
			next[h] = true
		}
	}
	var out []int
	for i, ok := range next {
		if ok {
			out = append(out, i)
		}
	}
	return out
}

// bumped reports whether key i must be qualified further: one of its
// identifiers is taken outside the group or held by keys a qualifier can
// tell apart.
func (q *qualifier) bumped(i int) bool {
	if q.hit[i] {
		return true
	}
	for _, id := range q.ids[i] {
		if hs := q.holders[id]; len(hs) >= 2 && q.splittable(hs) { // most are held by i alone
			return true
		}
	}
	return false
}

// splittable reports whether qualifying the holders of one identifier
// could ever tell them apart: whether their most qualified names differ,
// in which case each holder has another to be told from. Two pages
// documenting the same route with the same type (user-post-users.md and
// intune-shared-user-create.md) never can; lengthening their names would
// only hide the numeric suffix.
func (q *qualifier) splittable(holders []int) bool {
	for _, h := range holders[min(1, len(holders)):] {
		if q.full[h] != q.full[holders[0]] {
			return true
		}
	}
	return false
}

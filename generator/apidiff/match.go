package apidiff

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/docs2go/docs2go/parser/ir"
)

// shape is what a type is recognised by when its name changed: the
// lower-cased names of its properties or members, and its page.
type shape struct {
	names map[string]bool
	page  string
}

func newShape(page string, names []string) shape {
	s := shape{names: make(map[string]bool, len(names)), page: pageKey(page)}
	for _, n := range names {
		if k := strings.ToLower(n); !commonNames[k] {
			s.names[k] = true
		}
	}
	return s
}

// commonNames are properties most Graph types have: sharing them says
// nothing about being the same type.
var commonNames = map[string]bool{"id": true, "@odata.type": true, "displayname": true, "description": true,
	"createddatetime": true, "lastmodifieddatetime": true, "status": true}

// pair is a removed item matched with an added one.
type pair struct {
	old, new int
	evidence string // why they are taken for one item, for the change's detail
}

// Thresholds of a structural match: at least minCommon shared names and
// minShare of the larger side's names, unless the page is the same.
const (
	minCommon = 3
	minShare  = 0.6
)

// matchShapes pairs removed items with added ones whose names overlap
// most, best overlap first; ties go to the earlier items, and the
// inputs are sorted, so the result is deterministic.
func matchShapes(olds, news []shape) []pair {
	type cand struct {
		pair
		score float64
	}
	var cands []cand
	for i, o := range olds {
		for j, n := range news {
			common := 0
			for k := range o.names {
				if n.names[k] {
					common++
				}
			}
			larger := max(len(o.names), len(n.names))
			samePage := o.page != "" && o.page == n.page
			score := 0.0
			if larger > 0 {
				score = float64(common) / float64(larger)
			}
			if (common < minCommon || score < minShare) && !(samePage && score >= minShare/2) {
				continue
			}
			ev := fmt.Sprintf("%d of %d names match", common, larger)
			if samePage {
				ev += ", same page"
				score += 1 // the page is the stronger evidence
			}
			cands = append(cands, cand{pair{i, j, ev}, score})
		}
	}
	slices.SortStableFunc(cands, func(a, b cand) int {
		return cmp.Or(-cmp.Compare(a.score, b.score), cmp.Compare(a.old, b.old), cmp.Compare(a.new, b.new))
	})
	usedOld, usedNew := map[int]bool{}, map[int]bool{}
	var out []pair
	for _, c := range cands {
		if usedOld[c.old] || usedNew[c.new] {
			continue
		}
		usedOld[c.old], usedNew[c.new] = true, true
		out = append(out, c.pair)
	}
	slices.SortFunc(out, func(a, b pair) int { return cmp.Compare(a.old, b.old) })
	return out
}

// byName indexes names by their lower-cased form, keeping the first of
// repeats (a row listed twice), and returns the order to walk them in.
func byName[T any](items []T, name func(T) string) (map[string]T, []string) {
	m := make(map[string]T, len(items))
	var order []string
	for _, it := range items {
		k := strings.ToLower(name(it))
		if _, dup := m[k]; dup {
			continue
		}
		m[k] = it
		order = append(order, k)
	}
	return m, order
}

// matching is how the items of two versions correspond.
type matching struct {
	same    []pair // same name
	renamed []pair // other name, same shape (a guess)
	removed []int  // old items without a counterpart
	added   []int  // new items without a counterpart
}

// matchNamed pairs items by lower-cased name first, then the rest by shape.
func matchNamed[T any](olds, news []T, name func(T) string, shapeOf func(T) shape) matching {
	var m matching
	newIdx := make(map[string]int, len(news))
	for j, n := range news {
		if _, dup := newIdx[strings.ToLower(name(n))]; !dup {
			newIdx[strings.ToLower(name(n))] = j
		}
	}
	matchedNew := make(map[int]bool, len(news))
	var restOld []int
	for i, o := range olds {
		if j, ok := newIdx[strings.ToLower(name(o))]; ok && !matchedNew[j] {
			matchedNew[j] = true
			m.same = append(m.same, pair{old: i, new: j})
			continue
		}
		restOld = append(restOld, i)
	}
	var restNew []int
	for j := range news {
		if !matchedNew[j] {
			restNew = append(restNew, j)
		}
	}
	oldShapes := make([]shape, len(restOld))
	for k, i := range restOld {
		oldShapes[k] = shapeOf(olds[i])
	}
	newShapes := make([]shape, len(restNew))
	for k, j := range restNew {
		newShapes[k] = shapeOf(news[j])
	}
	usedOld, usedNew := map[int]bool{}, map[int]bool{}
	for _, p := range matchShapes(oldShapes, newShapes) {
		usedOld[p.old], usedNew[p.new] = true, true
		m.renamed = append(m.renamed, pair{old: restOld[p.old], new: restNew[p.new], evidence: p.evidence})
	}
	for k, i := range restOld {
		if !usedOld[k] {
			m.removed = append(m.removed, i)
		}
	}
	for k, j := range restNew {
		if !usedNew[k] {
			m.added = append(m.added, j)
		}
	}
	return m
}

// namedKind is what compareNamed needs to know of structs or enums.
type namedKind[T any] struct {
	kind    Kind
	name    func(T) string   // qualified name
	pos     func(T) ir.Pos   // where it is defined
	names   func(T) []string // its property or member names, its shape
	compare func(o, n T, guess string)
}

// compareNamed matches the structs or enums of both versions (by name,
// then by shape), compares the pairs and reports the rest as removed or
// added.
func compareNamed[T any](d *differ, olds, news []T, k namedKind[T]) {
	m := matchNamed(olds, news, k.name, func(t T) shape { return newShape(k.pos(t).File, k.names(t)) })
	for _, p := range m.same {
		k.compare(olds[p.old], news[p.new], "")
	}
	for _, p := range m.renamed {
		k.compare(olds[p.old], news[p.new], p.evidence)
	}
	for _, i := range m.removed {
		q := k.name(olds[i])
		d.add(Change{Kind: k.kind, Change: Removed, Name: q, Go: d.old.goType(q), Class: Breaking, Old: pos(k.pos(olds[i]))})
	}
	for _, j := range m.added {
		q := k.name(news[j])
		d.add(Change{Kind: k.kind, Change: Added, Name: q, Go: d.new.goType(q), Class: Compatible, New: pos(k.pos(news[j]))})
	}
}

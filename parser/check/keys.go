package check

import "github.com/docs2go/docs2go/internal/jsontree"

// keySet answers which keys an object has (missing required properties)
// and whether a member's key came earlier (duplicates): by scanning the
// members of a small object, the common case, and through a map of first
// indexes for a large one, so that a hostile object stays linear.
type keySet struct {
	members []jsontree.Member
	first   map[string]int // key → index of its first member; nil: scan
}

// scanKeys is the most members keySet scans.
const scanKeys = 16

func newKeySet(members []jsontree.Member) keySet {
	k := keySet{members: members}
	if len(members) > scanKeys {
		k.first = make(map[string]int, len(members))
		for i, m := range members {
			if _, dup := k.first[m.Key]; !dup {
				k.first[m.Key] = i
			}
		}
	}
	return k
}

// before reports whether a member before member i has key.
func (k keySet) before(key string, i int) bool {
	if k.first != nil {
		j, found := k.first[key]
		return found && j < i
	}
	for _, m := range k.members[:i] {
		if m.Key == key {
			return true
		}
	}
	return false
}

// has reports whether some member has key.
func (k keySet) has(key string) bool {
	if k.first != nil {
		_, found := k.first[key]
		return found
	}
	return k.before(key, len(k.members))
}

package link

import (
	"github.com/docs2go/docs2go/parser/ir"

	"slices"
	"strings"
)

// Pass 3: resolve type references and bases. Every page type's base and
// property references are resolved silently, each relative to the page it
// was read on: only the types the endpoints reach are reported (reach.go).
// Inheritance cycles are broken and each type's direct children recorded.

// resolveTypes resolves the bases, then the property references, of every
// page type. Resolving a type's references only reads the index and writes
// that type, so the types are resolved on every core (shard.go); breaking
// cycles follows base chains and stays serial.
func (l *linker) resolveTypes() {
	keys := l.sortedTypeKeys()
	l.sharded(len(keys), func(s *linker, i int) {
		s.working = l.defFile(keys[i])
		s.resolveBase(l.defs[keys[i]].typ)
	})
	for _, k := range keys {
		l.working = l.defFile(k)
		l.breakCycle(k)
	}
	for _, k := range keys {
		if b := l.defs[k].typ.baseKey; b != "" {
			parent := l.defs[b].typ
			parent.children = append(parent.children, k)
		}
	}
	l.sharded(len(keys), func(s *linker, i int) {
		td := l.defs[keys[i]].typ
		s.working = l.defFile(keys[i])
		for i := range td.typ.Properties {
			s.resolvePropRef(td.propFile[i], &td.typ.Properties[i].Type)
		}
		td.resolved = true
	})
}

// resolveBase resolves td's base reference; a base that is an enum or td
// itself is reported and ignored.
func (l *linker) resolveBase(td *typeDef) {
	if td.base == nil {
		return
	}
	d := l.resolveRef(td.baseFile, td.base, false)
	switch {
	case d == nil:
	case d.enum != nil:
		l.diags.Warnf(td.base.Pos, ir.CodeInvalidBaseType, "resource: base type %s of %s is an enum; the base is ignored",
			d.qualified(), td.qname)
	case d.key == td.key:
		l.diags.Warnf(td.base.Pos, ir.CodeInheritanceCycle, "resource: %s inherits from itself; the base is ignored",
			td.qname)
	default:
		td.baseKey = d.key
		td.typ.Base = d.qualified()
	}
}

// resolvePropRef resolves a property reference silently; one already
// pointing at a type inferred from an example stays as it is.
func (l *linker) resolvePropRef(file string, ref *ir.TypeRef) {
	if t := ref.Target; t != "" && l.inferred[strings.ToLower(t)] != nil {
		return
	}
	l.resolveRef(file, ref, false)
}

// breakCycle follows the base chain from k; when it comes back to a type
// already on the chain, the last link is dropped with a warning, so later
// walks (flattening, derived types) terminate.
func (l *linker) breakCycle(k string) {
	seen := map[string]bool{k: true}
	for cur := l.defs[k].typ; cur.baseKey != ""; {
		if seen[cur.baseKey] {
			l.diags.Warnf(cur.base.Pos, ir.CodeInheritanceCycle, "resource: base type %s of %s closes an inheritance cycle; the base is ignored",
				cur.typ.Base, cur.qname)
			cur.baseKey, cur.typ.Base = "", ""
			return
		}
		seen[cur.baseKey] = true
		cur = l.defs[cur.baseKey].typ
	}
}

func (l *linker) sortedTypeKeys() []string {
	var keys []string
	for k, d := range l.defs {
		if d.typ != nil {
			keys = append(keys, k)
		}
	}
	slices.Sort(keys)
	return keys
}

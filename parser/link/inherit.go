package link

import (
	"slices"
	"strings"

	"github.com/docs2go/docs2go/parser/ir"
)

// resolveBases resolves every type's base reference (silently: only the
// reachable ones are reported, by reach), breaks inheritance cycles, and
// records each type's direct children.
func (l *linker) resolveBases() {
	keys := l.sortedTypeKeys()
	for _, k := range keys {
		td := l.defs[k].typ
		if td.base == nil {
			continue
		}
		d := l.resolveRef(td.baseFile, td.base, false)
		switch {
		case d == nil:
		case d.enum != nil:
			l.diags.Warnf(td.base.Pos, ir.CodeInvalidBaseType, "resource: base type %s of %s is an enum; the base is ignored",
				d.qualified(), td.qname)
		case d.key == k:
			l.diags.Warnf(td.base.Pos, ir.CodeInheritanceCycle, "resource: %s inherits from itself; the base is ignored",
				td.qname)
		default:
			td.baseKey = d.key
			td.typ.Base = d.qualified()
		}
	}
	for _, k := range keys {
		l.breakCycle(k)
	}
	for _, k := range keys {
		if b := l.defs[k].typ.baseKey; b != "" {
			parent := l.defs[b].typ
			parent.children = append(parent.children, k)
		}
	}
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

// reach marks the types and enums reachable from the endpoints' body and
// result types, through properties, base types and derived types (a
// base-typed body accepts every derived type), resolving and reporting the
// references of exactly those types.
func (l *linker) reach() {
	var queue []string
	pushKey := func(k string) {
		if k == "" || l.reached[k] {
			return
		}
		if l.typeDefOf(k) == nil && l.defs[k] == nil {
			return
		}
		l.reached[k] = true
		queue = append(queue, k)
	}
	push := func(target string) { pushKey(strings.ToLower(target)) }
	for _, ep := range l.endpoints {
		for _, r := range []*ir.TypeRef{ep.Body, ep.Result} {
			if r != nil {
				push(r.Target)
			}
		}
	}
	for len(queue) > 0 {
		k := queue[0]
		queue = queue[1:]
		td := l.typeDefOf(k)
		if td == nil {
			continue // an enum: nothing further
		}
		l.resolveProps(td)
		if td.base != nil && td.baseKey == "" && td.base.Target == "" {
			l.warnUnresolved(td.base)
		}
		push(td.typ.Base)
		for _, c := range td.children {
			pushKey(c)
		}
		for _, p := range td.typ.Properties {
			push(p.Type.Target)
		}
	}
}

// resolveProps resolves the property references of td once, each relative
// to the page it was read on.
func (l *linker) resolveProps(td *typeDef) {
	if td.resolved {
		return
	}
	td.resolved = true
	for i := range td.typ.Properties {
		if t := td.typ.Properties[i].Type.Target; t != "" && l.inferred[strings.ToLower(t)] != nil {
			continue // inferred from an example, already resolved
		}
		l.resolveRef(td.propFile[i], &td.typ.Properties[i].Type, true)
	}
}

// flatten completes every reachable type with the base properties its table
// lacks (tables usually flatten inherited rows already, even the entity id)
// and records the transitive derived types.
func (l *linker) flatten() {
	done := map[string]bool{}
	for k := range l.reached {
		if td := l.typeDefOf(k); td != nil {
			l.flattenType(td, done)
			td.typ.Derived = l.derived(td)
		}
	}
}

// flattenType puts the base's (already flattened) properties that td lacks
// before td's own rows, as the docs do. done guards against repeats; cycles
// were broken by resolveBases.
func (l *linker) flattenType(td *typeDef, done map[string]bool) {
	if done[td.key] {
		return
	}
	done[td.key] = true
	if td.baseKey == "" {
		return
	}
	base := l.defs[td.baseKey].typ
	l.flattenType(base, done)
	var props []ir.Property
	var files []string
	for i, p := range base.typ.Properties {
		if propIndex(td.typ.Properties, p.Name) >= 0 {
			continue
		}
		if p.Inherited == "" {
			p.Inherited = base.typ.Name
		}
		props = append(props, p)
		files = append(files, base.propFile[i])
	}
	td.typ.Properties = append(props, td.typ.Properties...)
	td.propFile = append(files, td.propFile...)
}

// derived lists the qualified names of every type inheriting from td,
// directly or not, sorted.
func (l *linker) derived(td *typeDef) []string {
	var out []string
	seen := map[string]bool{td.key: true}
	stack := slices.Clone(td.children)
	for len(stack) > 0 {
		k := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if seen[k] {
			continue
		}
		seen[k] = true
		c := l.defs[k].typ
		out = append(out, c.qname)
		stack = append(stack, c.children...)
	}
	slices.Sort(out)
	return out
}

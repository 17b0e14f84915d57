package link

import (
	"slices"
	"strings"

	"github.com/docs2go/docs2go/parser/ir"
)

// Pass 6: keep what the endpoints reach. The types and enums reachable from
// the endpoints' body and result types (through properties, base types and
// derived types: a base-typed body accepts every derived type) are kept,
// the unresolved references of exactly those types reported, and each kept
// type completed with its inherited properties and derived types.

// reach marks the types and enums reachable from the endpoints.
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
		for _, prm := range ep.Parameters {
			push(prm.Type.Target)
		}
		for _, q := range ep.Query {
			push(q.Type.Target)
		}
	}
	for len(queue) > 0 {
		k := queue[0]
		queue = queue[1:]
		l.working = l.defFile(k)
		td := l.typeDefOf(k)
		if td == nil {
			continue // an enum: nothing further
		}
		l.warnUnresolvedProps(td)
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

// warnUnresolvedProps reports the property references of a page type that
// resolveTypes could not resolve; inferred types resolve theirs as they are
// built.
func (l *linker) warnUnresolvedProps(td *typeDef) {
	if td.typ.Inferred {
		return
	}
	for i := range td.typ.Properties {
		if ref := &td.typ.Properties[i].Type; !ref.Primitive && ref.Target == "" {
			l.warnUnresolved(ref)
		}
	}
}

// flatten completes every reachable type with the base properties its table
// lacks (tables usually flatten inherited rows already, even the entity id)
// and records the transitive derived types.
func (l *linker) flatten() {
	done := map[string]bool{}
	for k := range l.reached {
		if td := l.typeDefOf(k); td != nil {
			l.working = l.defFile(k)
			l.flattenType(td, done)
			td.typ.Derived = l.derived(td)
		}
	}
}

// flattenType puts the base's (already flattened) properties that td lacks
// before td's own rows, as the docs do. done guards against repeats; cycles
// were broken by resolveTypes.
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
		if props == nil {
			// One allocation each for the inherited and own rows: the
			// flattened lists are a large part of what linking allocates.
			n := len(base.typ.Properties) + len(td.typ.Properties)
			props, files = make([]ir.Property, 0, n), make([]string, 0, n)
		}
		props = append(props, p)
		files = append(files, base.propFile[i])
	}
	if len(props) == 0 { // the table lists every inherited row already
		if len(td.typ.Properties) == 0 {
			td.typ.Properties, td.propFile = nil, nil // as a flattened type without rows has
		}
		return
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

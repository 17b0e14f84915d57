package link

import (
	"strings"

	"github.com/docs2go/docs2go/internal/indexed"
	"github.com/docs2go/docs2go/parser/ir"
)

// pageFacts is what linking needs of one page that depends on that page
// alone. prepare computes the facts of all pages up front on every core
// (the passes after it are serial or sharded); they are stored by page
// index, so the result never depends on scheduling.
type pageFacts struct {
	fileLower string
	resources []defName // parallel to Page.Resources
	enums     []defName // parallel to Page.Enums
	create    *createFacts
	ops       []*opFacts // the page's operations other than its create, with their examples (exampleFacts)
}

// defName is the canonical name of a resource or enum; key is "" when it
// has no name.
type defName struct{ ns, name, key string }

// prepare computes the facts of l.pages. A page whose facts could not be
// computed (a bug, reported at the page) takes no part in the later passes.
func (l *linker) prepare() []pageFacts {
	facts := make([]pageFacts, len(l.pages))
	faults := make([]*ir.Diagnostic, len(l.pages))
	indexed.Each(len(l.pages), func(i int) {
		faults[i] = guarded("prepare", l.pages[i], func() { facts[i] = factsOf(l.pages[i]) })
	})
	kept, keptFacts := l.pages[:0], facts[:0] // l.pages is the linker's own slice
	for i, p := range l.pages {
		if faults[i] != nil {
			l.diags = append(l.diags, *faults[i])
			continue
		}
		kept, keptFacts = append(kept, p), append(keptFacts, facts[i])
	}
	l.pages = kept
	return keptFacts
}

func factsOf(p *ir.Page) pageFacts {
	f := pageFacts{fileLower: strings.ToLower(p.File)}
	for _, r := range p.Resources {
		var n defName
		if r != nil {
			n = newDefName(r.Name, r.Namespace, p.Namespace)
		}
		f.resources = append(f.resources, n)
	}
	for _, e := range p.Enums {
		var n defName
		if e != nil {
			n = newDefName(e.Name, e.Namespace, p.Namespace)
		}
		f.enums = append(f.enums, n)
	}
	if p.Operation != nil {
		f.create = createFactsOf(p.Operation)
		except := ""
		if f.create != nil {
			except = f.create.method
		}
		f.ops = operationsOf(p, p.Operation, except)
		exampleFacts(p.Operation, f.ops)
	}
	return f
}

func newDefName(name, ns, pageNS string) defName {
	ns, name = canonicalName(name, ns, pageNS)
	if name == "" {
		return defName{}
	}
	return defName{ns: ns, name: name, key: strings.ToLower(ir.Qualify(ns, name))}
}

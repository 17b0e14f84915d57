package link

import (
	"runtime"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/docs2go/docs2go/parser/ir"
)

// pageFacts is what linking needs of one page that depends on that page
// alone. Link runs on one core between two parallel stages of a run, so
// prepare computes the facts of all pages in parallel up front; they are
// stored by page index, so the result never depends on scheduling.
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
	parallel(len(l.pages), func(i int) {
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

// parallel calls f(0) … f(n-1) on GOMAXPROCS goroutines. f must only write
// results of its own index. A panic in f is raised again in the caller
// (prepare guards each page, so only a bug outside f gets there).
func parallel(n int, f func(i int)) {
	parallelWorkers(n, func() func(i int) { return f })
}

// parallelWorkers is parallel with state per goroutine: each calls
// newWorker once and the function it returns for its items.
func parallelWorkers(n int, newWorker func() func(i int)) {
	const chunk = 32 // pages are small: hand them out in runs
	workers := min(runtime.GOMAXPROCS(0), (n+chunk-1)/chunk)
	if workers <= 1 {
		f := newWorker()
		for i := range n {
			f(i)
		}
		return
	}
	var next atomic.Int64
	var failed sync.Once
	var failure any
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			defer func() {
				if r := recover(); r != nil {
					failed.Do(func() { failure = r })
				}
			}()
			f := newWorker()
			for {
				start := int(next.Add(chunk)) - chunk
				if start >= n {
					return
				}
				for i := start; i < min(start+chunk, n); i++ {
					f(i)
				}
			}
		})
	}
	wg.Wait()
	if failure != nil {
		panic(failure)
	}
}

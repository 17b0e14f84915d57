package generator

import (
	"bytes"
	"fmt"
	"runtime"
	"sync"

	"github.com/dave/jennifer/jen"

	"github.com/docs2go/docs2go/parser/ir"
)

// renderJob is a Go file built but not yet formatted: jen's Render (which
// runs go/format) was a third of the generator's time on the corpus, and
// files are independent, so they are rendered on every core once all are
// built (issue 6).
type renderJob struct {
	file int // index in gen.files of the place reserved for it
	path string
	f    *jen.File
	pos  ir.Pos
}

// renderAll formats the queued files on every core and stores each in its
// reserved place, so the output does not depend on scheduling. The error
// is that of the first failing file in queue order, as a sequential run
// would report.
func (g *gen) renderAll() error {
	errs := make([]error, len(g.pending))
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(g.pending)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				errs[i] = g.renderOne(g.pending[i])
			}
		}()
	}
	for i := range g.pending {
		next <- i
	}
	close(next)
	wg.Wait()
	g.pending = nil
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// renderOne formats one file into its place. A panic in jen or go/format
// becomes the file's error: Generate's recover does not reach other
// goroutines.
func (g *gen) renderOne(j renderJob) (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("generator: internal error: %v", p) // as Generate reports its own panics
		}
	}()
	var buf bytes.Buffer
	if err := j.f.Render(&buf); err != nil {
		return fmt.Errorf("generator: render %s (built from %s): %w", j.path, j.pos, err)
	}
	g.files[j.file].Content = buf.Bytes()
	return nil
}

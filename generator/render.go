package generator

import (
	"bytes"
	"fmt"
	"go/format"
	"runtime"
	"sync"

	"github.com/dave/jennifer/jen"

	"github.com/docs2go/docs2go/parser/ir"
)

// renderJob is a Go file to build, render and format on a worker: files
// are independent once every name is assigned, so they are built and
// rendered on every core.
type renderJob struct {
	file int // index in output.files of the place reserved for it
	path string
	// units are the file's declarations, rendered unit by unit (see
	// renderGrouped), or, when their headers do not merge, as f, the one
	// file buildGrouped builds.
	units  []unit
	f      *jen.File
	header string // of the units' file, when not that of its pages
	pos    ir.Pos
	out    *renderOut // written by the worker that renders the file
}

// renderOut is what building and rendering one file produced.
type renderOut struct {
	content []byte
	err     error
	sources []string
}

// renderer builds, renders and formats queued files on every core while
// Emit is still queueing the next ones.
type renderer struct {
	queue chan renderJob
	wg    sync.WaitGroup
	once  sync.Once
}

// startRender starts the render workers; render queues files for them.
func (o *output) startRender() {
	r := &renderer{queue: make(chan renderJob, 256)}
	for range runtime.GOMAXPROCS(0) {
		r.wg.Go(func() {
			// One buffer per worker, reused: growing a fresh one for every
			// file was a tenth of the generator's allocations.
			var buf bytes.Buffer
			for j := range r.queue {
				o.runJob(j, &buf)
			}
		})
	}
	o.renderer = r
}

// stopRender closes the queue and waits for the workers; it may be called
// more than once (Emit defers it in case building panics).
func (o *output) stopRender() {
	if o.renderer == nil {
		return
	}
	o.renderer.once.Do(func() {
		close(o.renderer.queue)
		o.renderer.wg.Wait()
	})
}

// renderAll waits for the queued files and stores each in its reserved
// place, so the output does
// not depend on scheduling. The error is that of the first failing file in
// queue order, as a sequential run would report.
func (o *output) renderAll() error {
	o.stopRender()
	pending := o.pending
	o.pending = nil
	for _, j := range pending {
		if j.out.err != nil {
			return j.out.err
		}
		o.files[j.file].Content = j.out.content
		o.files[j.file].Sources = j.out.sources
	}
	return nil
}

// runJob builds, renders and formats one file. A panic
// becomes the file's error: Emit's recover does not reach other
// goroutines.
func (o *output) runJob(j renderJob, buf *bytes.Buffer) {
	defer func() {
		if p := recover(); p != nil {
			j.out.content, j.out.err = nil, fmt.Errorf("generator: internal error: %v", p) // as Emit reports its own panics
		}
	}()
	j.out.content, j.out.sources, j.out.err = o.renderUnits(j, buf)
}

// renderUnits builds, renders and formats the file of j's units: unit by
// unit when their headers merge, else as one jen.File.
func (o *output) renderUnits(j renderJob, buf *bytes.Buffer) ([]byte, []string, error) {
	sources, cuts, ok, err := o.em.renderGrouped(j.units, unitsPerBatch, j.header, buf)
	if err != nil {
		return nil, nil, err
	}
	if !ok {
		j.f, sources = o.em.buildGrouped(j.units, j.header)
		content, err := o.renderOne(j, buf)
		return content, sources, err
	}
	content, err := o.format(j, buf.Bytes(), cuts)
	return content, sources, err
}

// renderOne formats one file, rendering it into buf first.
func (o *output) renderOne(j renderJob, buf *bytes.Buffer) (content []byte, err error) {
	buf.Reset()
	j.f.NoFormat = true // formatted below, unless an earlier run already did
	if err := j.f.Render(buf); err != nil {
		return nil, fmt.Errorf("generator: render %s (built from %s): %w", j.path, j.pos, err)
	}
	return o.format(j, buf.Bytes(), nil)
}

// format formats src, the unformatted source of j's file, cut at cuts
// (see formatChunked).
func (o *output) format(j renderJob, src []byte, cuts []int) ([]byte, error) {
	if o.opts.Formatted != nil {
		if out, ok := o.opts.Formatted(j.path, src); ok {
			return out, nil
		}
	}
	if f := formatChunked(src, cuts, batchSize); f.formatted {
		return f.content, nil
	}
	out, err := format.Source(src)
	if err != nil {
		// The same message jen's formatting Render gives: the error, then the source.
		return nil, fmt.Errorf("generator: render %s (built from %s): Error %s while formatting source:\n%s", j.path, j.pos, err, src)
	}
	return out, nil
}

package runcache

import (
	"bytes"
	"path/filepath"
	"sync"

	"github.com/docs2go/docs2go/cmd/internal/outdir"
)

// FormatEntry remembers, for one Go file of the last run, the hash of the
// unformatted source the generator produced and of the gofmt'd bytes that
// were written. When a run produces the same source again and the file on
// disk still has those bytes, they are reused instead of running go/format
// again (a third of generation's time).
type FormatEntry struct {
	Path      string `json:"path"`
	Source    string `json:"source"`
	Formatted string `json:"formatted"`
}

// FormatCache serves generator.Options.Formatted from the previous run's
// entries, and records this run's sources for the next one.
type FormatCache struct {
	fsys outdir.FS
	out  string
	prev map[string]FormatEntry

	mu      sync.Mutex
	sources map[string]string // path → hash of this run's unformatted source
}

// NewFormatCache serves the entries prev of the last run into out.
func NewFormatCache(fsys outdir.FS, out string, prev []FormatEntry) *FormatCache {
	c := &FormatCache{fsys: fsys, out: out, prev: make(map[string]FormatEntry, len(prev)), sources: map[string]string{}}
	for _, e := range prev {
		c.prev[e.Path] = e
	}
	return c
}

// Formatted returns the bytes on disk for path when the last run formatted
// the same source into exactly them.
func (c *FormatCache) Formatted(path string, src []byte) ([]byte, bool) {
	h := outdir.Hash(src)
	c.mu.Lock()
	c.sources[path] = h
	c.mu.Unlock()
	e, ok := c.prev[path]
	if !ok || e.Source != h {
		return nil, false
	}
	cur, err := c.fsys.ReadFile(filepath.Join(c.out, filepath.FromSlash(path)))
	if err != nil || outdir.Hash(cur) != e.Formatted {
		return nil, false
	}
	return bytes.Clone(cur), true
}

// Entries lists this run's Go files with their source and formatted hashes.
func (c *FormatCache) Entries(files []outdir.File) []FormatEntry {
	c.mu.Lock()
	defer c.mu.Unlock()
	var es []FormatEntry
	for _, f := range files {
		if h, ok := c.sources[f.Path]; ok {
			es = append(es, FormatEntry{Path: f.Path, Source: h, Formatted: outdir.Hash(f.Content)})
		}
	}
	return es
}

package main

import (
	"bytes"
	"path/filepath"
	"sync"
)

// formatEntry remembers, for one Go file of the last run, the hash of the
// unformatted source the generator produced and of the gofmt'd bytes that
// were written. When a run produces the same source again and the file on
// disk still has those bytes, they are reused instead of running go/format
// again (a third of generation's time).
type formatEntry struct {
	Path      string `json:"path"`
	Source    string `json:"source"`
	Formatted string `json:"formatted"`
}

// formatCache serves generator.Options.Formatted from the previous run's
// entries, and records this run's sources for the next one.
type formatCache struct {
	fsys fileSystem
	out  string
	prev map[string]formatEntry

	mu      sync.Mutex
	sources map[string]string // path → hash of this run's unformatted source
}

func newFormatCache(fsys fileSystem, out string, prev []formatEntry) *formatCache {
	c := &formatCache{fsys: fsys, out: out, prev: make(map[string]formatEntry, len(prev)), sources: map[string]string{}}
	for _, e := range prev {
		c.prev[e.Path] = e
	}
	return c
}

// formatted returns the bytes on disk for path when the last run formatted
// the same source into exactly them.
func (c *formatCache) formatted(path string, src []byte) ([]byte, bool) {
	h := hashOf(src)
	c.mu.Lock()
	c.sources[path] = h
	c.mu.Unlock()
	e, ok := c.prev[path]
	if !ok || e.Source != h {
		return nil, false
	}
	cur, err := c.fsys.ReadFile(filepath.Join(c.out, filepath.FromSlash(path)))
	if err != nil || hashOf(cur) != e.Formatted {
		return nil, false
	}
	return bytes.Clone(cur), true
}

// entries lists this run's Go files with their source and formatted hashes.
func (c *formatCache) entries(files []genFile) []formatEntry {
	c.mu.Lock()
	defer c.mu.Unlock()
	var es []formatEntry
	for _, f := range files {
		if h, ok := c.sources[f.path]; ok {
			es = append(es, formatEntry{Path: f.path, Source: h, Formatted: hashOf(f.content)})
		}
	}
	return es
}

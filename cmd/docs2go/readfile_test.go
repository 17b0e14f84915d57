package main

import (
	"bytes"
	"errors"
	"github.com/docs2go/docs2go/cmd/internal/runcache"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
)

// TestReadPage: readPage returns exactly what os.ReadFile does, for empty,
// small and large files, and the same kind of error for a missing one.
func TestReadPage(t *testing.T) {
	dir := t.TempDir()
	for _, size := range []int{0, 1, 4095, 4096, 1 << 20} {
		want := bytes.Repeat([]byte("docs2go\n"), size/8+1)[:size]
		p := filepath.Join(dir, "page.md")
		if err := os.WriteFile(p, want, 0o644); err != nil {
			t.Fatal(err)
		}
		got, n, mtime, ok, err := readPage(p)
		if err != nil || !bytes.Equal(got, want) {
			t.Errorf("size %d: got %d bytes, err %v", size, len(got), err)
		}
		if st, statOK := runcache.StatFile(p, "x"); !ok || !statOK || n != st.Size || mtime != st.ModTime {
			t.Errorf("size %d: stat %d, %d, %v; StatFile %+v", size, n, mtime, ok, st)
		}
	}
	_, _, _, _, err := readPage(filepath.Join(dir, "missing.md"))
	var pe *fs.PathError
	if !errors.Is(err, fs.ErrNotExist) || !errors.As(err, &pe) {
		t.Errorf("missing page: err %v, want a *PathError for a missing file", err)
	}
	if _, _, _, _, err := readPage(dir); err == nil {
		t.Errorf("reading a folder as a page succeeded")
	}
}

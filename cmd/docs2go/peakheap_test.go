package main

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"testing"
)

// TestPeakHeapProfile: with DOCS2GO_PEAKHEAP set, a run leaves a heap
// profile (gzipped protobuf) in the file it names.
func TestPeakHeapProfile(t *testing.T) {
	dir := t.TempDir()
	prof := filepath.Join(dir, "peak.pb.gz")
	t.Setenv("XDG_CACHE_HOME", filepath.Join(dir, "cache"))
	t.Setenv(peakHeapEnv, prof)
	if code := run([]string{"-pkg", "graph", "-out", filepath.Join(dir, "out"), "../../docs"}, io.Discard, io.Discard); code != 0 {
		t.Fatalf("exit %d", code)
	}
	data, err := os.ReadFile(prof)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(data, []byte{0x1f, 0x8b}) {
		t.Errorf("%s is not a gzipped profile (%d bytes)", prof, len(data))
	}
}

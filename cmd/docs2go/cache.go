package main

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"sync"

	"github.com/docs2go/docs2go/parser/ir"
)

// The run cache makes a run with nothing changed cost little more than
// reading the inputs: when the tool binary, the options and every input page
// are what they were at the last successful run into the same output folder,
// and that folder still holds exactly what the run wrote, the previous
// diagnostics are replayed and nothing is parsed or generated.
//
// The cache lives in the user's cache folder, not in the output folder:
// it depends on the binary, so committing it would make -check differ
// between machines.

// runStamp is what a cache entry is valid for.
type runStamp struct {
	Key         string          `json:"key"`         // hash of tool, options and inputs
	Manifest    string          `json:"manifest"`    // hash of the manifest the run wrote
	Diagnostics []ir.Diagnostic `json:"diagnostics"` // to replay, in doc-set names
}

// stampKey hashes everything a run's output depends on.
func stampKey(pkg string, inputs []manifestFile) string {
	h := sha256.New()
	io.WriteString(h, toolHash()+"\x00"+pkg+"\x00")
	for _, in := range inputs {
		io.WriteString(h, in.Path+"\x00"+in.SHA256+"\x00")
	}
	return hex.EncodeToString(h.Sum(nil))
}

// toolHash fingerprints the running binary, so a rebuilt docs2go never
// reuses an older binary's results. "" (never matching) if it cannot be read.
var toolHash = sync.OnceValue(func() string {
	exe, err := os.Executable()
	if err != nil {
		return ""
	}
	data, err := os.ReadFile(exe)
	if err != nil {
		return ""
	}
	return hashOf(data)
})

// cachePath is the cache entry of one output folder; "" when the user has
// no cache folder.
func cachePath(out string) string {
	base, err := os.UserCacheDir()
	if err != nil {
		return ""
	}
	abs, err := filepath.Abs(out)
	if err != nil {
		return ""
	}
	return filepath.Join(base, "docs2go", hashOf([]byte(abs))[:32]+".json")
}

// loadStamp returns the cached run for out when it is valid for key and the
// output folder is untouched since; nil otherwise.
func loadStamp(fsys fileSystem, out, key string) *runStamp {
	p := cachePath(out)
	if p == "" || toolHash() == "" {
		return nil
	}
	data, err := os.ReadFile(p)
	if err != nil {
		return nil
	}
	var s runStamp
	if json.Unmarshal(data, &s) != nil || s.Key != key || !outputIntact(fsys, out, s.Manifest) {
		return nil
	}
	return &s
}

// outputIntact reports whether out holds exactly the files of its manifest,
// whose hash must be manifestHash.
func outputIntact(fsys fileSystem, out, manifestHash string) bool {
	data, err := fsys.ReadFile(filepath.Join(out, manifestName))
	if err != nil || hashOf(data) != manifestHash {
		return false
	}
	var m manifest
	if json.Unmarshal(data, &m) != nil {
		return false
	}
	keep := map[string]bool{}
	for _, f := range m.Files {
		keep[f.Path] = true
		cur, err := fsys.ReadFile(filepath.Join(out, filepath.FromSlash(f.Path)))
		if err != nil || hashOf(cur) != f.SHA256 {
			return false
		}
	}
	return len(staleFiles(fsys, out, withManifestPath(keep), &m)) == 0
}

func withManifestPath(keep map[string]bool) map[string]bool {
	keep[manifestName] = true
	return keep
}

// saveStamp records a successful run; failures to write the cache only cost
// the next run its fast path.
func saveStamp(out, key string, files []genFile, diags ir.Diagnostics) {
	p := cachePath(out)
	if p == "" {
		return
	}
	s := runStamp{Key: key, Diagnostics: diags}
	for _, f := range files {
		if f.path == manifestName {
			s.Manifest = hashOf(f.content)
		}
	}
	data, err := json.Marshal(s)
	if err != nil || os.MkdirAll(filepath.Dir(p), 0o755) != nil {
		return
	}
	tmp := p + tempSuffix
	if os.WriteFile(tmp, data, 0o644) == nil {
		_ = os.Rename(tmp, p)
	}
}

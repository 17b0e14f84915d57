package main

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"path/filepath"
	"runtime"
)

// manifestName is the file in the output folder that lists what docs2go
// wrote there, so a later run knows which files it owns (testdata JSON
// cannot carry a "Code generated" header) and which are stale.
const manifestName = ".docs2go-manifest.json"

type manifest struct {
	Tool    string         `json:"tool"`
	Package string         `json:"package"`
	Inputs  []manifestFile `json:"inputs"` // the pages read, with their hashes
	Files   []manifestFile `json:"files"`  // the files written, with their hashes
}

type manifestFile struct {
	Path   string `json:"path"`
	SHA256 string `json:"sha256"`
}

func (m *manifest) has(rel string) bool {
	if m == nil {
		return false
	}
	for _, f := range m.Files {
		if f.Path == rel {
			return true
		}
	}
	return false
}

func hashOf(data []byte) string {
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:])
}

// readManifest loads the manifest of dir; a missing or unreadable one is an
// empty manifest (docs2go then owns only the files with its header).
func readManifest(fsys fileSystem, dir string) *manifest {
	m := &manifest{}
	data, err := fsys.ReadFile(filepath.Join(dir, manifestName))
	if err == nil {
		_ = json.Unmarshal(data, m)
	}
	return m
}

// withManifest returns files plus the manifest describing them.
func withManifest(files []genFile, pkg string, inputs []manifestFile) []genFile {
	m := manifest{Tool: "docs2go", Package: pkg, Inputs: inputs, Files: make([]manifestFile, len(files))}
	parallel(len(files), runtime.GOMAXPROCS(0), func(i int) {
		m.Files[i] = manifestFile{Path: files[i].path, SHA256: hashOf(files[i].content)}
	})
	data, _ := json.MarshalIndent(m, "", "  ")
	return append(files, genFile{path: manifestName, content: append(data, '\n')})
}

package outdir

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"path/filepath"
	"runtime"

	"github.com/docs2go/docs2go/cmd/internal/parallel"
)

// ManifestName is the file in the output folder that lists what docs2go
// wrote there, so a later run knows which files it owns (testdata JSON
// cannot carry a "Code generated" header) and which are stale.
const ManifestName = ".docs2go-manifest.json"

// Manifest is the content of ManifestName.
type Manifest struct {
	Tool    string         `json:"tool"`
	Package string         `json:"package"`
	Inputs  []ManifestFile `json:"inputs"` // the pages read, with their hashes
	Files   []ManifestFile `json:"files"`  // the files written, with their hashes
}

// ManifestFile is a path with the SHA-256 of its content.
type ManifestFile struct {
	Path   string `json:"path"`
	SHA256 string `json:"sha256"`
}

func (m *Manifest) has(rel string) bool {
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

// Hash is the hex SHA-256 of data, as the manifest records it.
func Hash(data []byte) string {
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:])
}

// ReadManifest loads the manifest of dir; a missing or unreadable one is an
// empty manifest (docs2go then owns only the files with its header).
func ReadManifest(fsys FS, dir string) *Manifest {
	m := &Manifest{}
	data, err := fsys.ReadFile(filepath.Join(dir, ManifestName))
	if err == nil {
		_ = json.Unmarshal(data, m)
	}
	return m
}

// WithManifest returns files plus the manifest describing them and the
// pages they were generated from.
func WithManifest(files []File, pkg string, inputs []ManifestFile) []File {
	m := Manifest{Tool: "docs2go", Package: pkg, Inputs: inputs, Files: make([]ManifestFile, len(files))}
	parallel.For(len(files), runtime.GOMAXPROCS(0), func(i int) {
		m.Files[i] = ManifestFile{Path: files[i].Path, SHA256: Hash(files[i].Content)}
	})
	data, _ := json.MarshalIndent(m, "", "  ")
	return append(files, File{Path: ManifestName, Content: append(data, '\n')})
}

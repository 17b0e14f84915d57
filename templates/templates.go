// Package templates embeds the runtime support code that docs2go copies
// into every generated package (see package runtime for the code itself).
package templates

import (
	"embed"
	"io/fs"
	"sort"
	"strings"
)

//go:embed runtime/*.go
var runtimeFS embed.FS

// SupportFile is one runtime source file to copy into the output.
type SupportFile struct {
	Name string // base name in templates/runtime, e.g. "opt.go" or "support_test.go"
	Src  []byte // the file as written, package clause "package runtime"
}

// Support returns the runtime files to copy, sorted by name: every .go
// file except doc.go (the package doc of the runtime itself), export.go
// (what docs2go's generator uses of the runtime) and the *_unit_test.go
// files (the runtime's own tests, which may declare identifiers the
// generated package needs).
func Support() []SupportFile {
	entries, err := fs.ReadDir(runtimeFS, "runtime")
	if err != nil {
		panic("templates: embedded runtime missing: " + err.Error()) // cannot happen: checked by go:embed
	}
	var files []SupportFile
	for _, e := range entries {
		name := e.Name()
		if name == "doc.go" || name == "export.go" || strings.HasSuffix(name, "_unit_test.go") {
			continue
		}
		src, err := runtimeFS.ReadFile("runtime/" + name)
		if err != nil {
			panic("templates: " + err.Error())
		}
		files = append(files, SupportFile{Name: name, Src: src})
	}
	sort.Slice(files, func(i, j int) bool { return files[i].Name < files[j].Name })
	return files
}

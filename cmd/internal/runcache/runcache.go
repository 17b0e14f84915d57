// Package runcache makes a run of docs2go with nothing changed cost little
// more than walking the inputs, and lets a changed run reuse the gofmt'd
// bytes of the files whose generated source did not change.
package runcache

import (
	"debug/elf"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"sync"

	"github.com/docs2go/docs2go/cmd/internal/outdir"
	"github.com/docs2go/docs2go/cmd/internal/parallel"
	"github.com/docs2go/docs2go/parser/ir"
)

// The cache makes a run with nothing changed cost little more than
// walking the inputs: when the tool binary and the options are the same as
// at the last successful run into the same output folder, every input page
// and every output file has the size and modification time it had then,
// and the folder holds no other generated file, the previous diagnostics
// are replayed and nothing is read, parsed or generated. Like make and the
// go tool's file stamps, it trusts size and modification time; any edit
// through an editor or git changes them.
//
// The cache lives in the user's cache folder, not in the output folder: it
// depends on the binary, so committing it would make -check differ between
// machines.

// Stamp is what a cache entry is valid for.
type Stamp struct {
	Tool        string          `json:"tool"` // hash of the docs2go binary
	Package     string          `json:"package"`
	Inputs      []FileStat      `json:"inputs"`
	Outputs     []FileStat      `json:"outputs"`
	Diagnostics []ir.Diagnostic `json:"diagnostics"` // to replay, in doc-set names
	Formats     []FormatEntry   `json:"formats"`     // see FormatCache
}

// FileStat identifies a file's content cheaply.
type FileStat struct {
	Path    string `json:"path"`
	Size    int64  `json:"size"`
	ModTime int64  `json:"mtime"` // nanoseconds
}

// StatFile stats the file at path, recorded under name; false when it is
// missing or not a regular file.
func StatFile(path, name string) (FileStat, bool) {
	info, err := os.Stat(path)
	if err != nil || !info.Mode().IsRegular() {
		return FileStat{}, false
	}
	return FileStat{Path: name, Size: info.Size(), ModTime: info.ModTime().UnixNano()}, true
}

// statWorkers overlap stat calls, which spend their time in the kernel.
const statWorkers = 8

// StatFiles stats n files, the i-th at path(i) and recorded under name(i);
// ok is false if one is missing or not a regular file.
func StatFiles(n int, path, name func(i int) string) ([]FileStat, bool) {
	stats := make([]FileStat, n)
	oks := make([]bool, n)
	parallel.For(n, statWorkers, func(i int) { stats[i], oks[i] = StatFile(path(i), name(i)) })
	if slices.Contains(oks, false) {
		return nil, false
	}
	return stats, true
}

// statOutputs stats the files of a run in out.
func statOutputs(out string, paths []string) ([]FileStat, bool) {
	return StatFiles(len(paths), func(i int) string { return filepath.Join(out, filepath.FromSlash(paths[i])) },
		func(i int) string { return paths[i] })
}

// ToolHash fingerprints the running binary, so a rebuilt docs2go never
// reuses an older binary's results: the Go build ID the linker wrote into
// it (its last part hashes the binary's content), or, where there is none
// to read, a hash of the whole file (10 ms a run for 10 MB). "" (never
// matching) if the binary cannot be read.
var ToolHash = sync.OnceValue(func() string {
	exe, err := os.Executable()
	if err != nil {
		return ""
	}
	if id := elfBuildID(exe); id != "" {
		return "buildid:" + id
	}
	data, err := os.ReadFile(exe)
	if err != nil {
		return ""
	}
	return outdir.Hash(data)
})

// elfBuildID returns the Go build ID note of an ELF binary, "" when the
// file is not ELF or has none (built with -buildid=).
func elfBuildID(path string) string {
	f, err := elf.Open(path)
	if err != nil {
		return ""
	}
	defer f.Close()
	sec := f.Section(".note.go.buildid")
	if sec == nil {
		return ""
	}
	note, err := sec.Data()
	// An ELF note: name size, descriptor size, type, then "Go\x00\x00"
	// and the ID itself.
	if err != nil || len(note) < 16 || string(note[12:16]) != "Go\x00\x00" {
		return ""
	}
	size := int(f.ByteOrder.Uint32(note[4:8]))
	if size <= 0 || 16+size > len(note) {
		return ""
	}
	return string(note[16 : 16+size])
}

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
	return filepath.Join(base, "docs2go", outdir.Hash([]byte(abs))[:32]+".json")
}

// Read returns the last run's stamp for out when it was written by this
// binary for package pkg; nil otherwise.
func Read(out, pkg string) *Stamp {
	p := cachePath(out)
	if p == "" || ToolHash() == "" {
		return nil
	}
	data, err := os.ReadFile(p)
	if err != nil {
		return nil
	}
	var s Stamp
	if json.Unmarshal(data, &s) != nil || s.Tool != ToolHash() || s.Package != pkg {
		return nil
	}
	return &s
}

// FormatEntries returns the format entries of s; none when there is no
// stamp.
func (s *Stamp) FormatEntries() []FormatEntry {
	if s == nil {
		return nil
	}
	return s.Formats
}

// UpToDate reports whether the stamp s still holds for the inputs whose
// stats are given (nil when one could not be taken): the pages and the
// output folder are as that run left them.
func UpToDate(fsys outdir.FS, s *Stamp, out string, inputs []FileStat) bool {
	if s == nil || inputs == nil {
		return false
	}
	return slices.Equal(inputs, s.Inputs) && outputIntact(fsys, out, s.Outputs)
}

// outputIntact reports whether out holds the recorded files unchanged and
// no other file docs2go generated.
func outputIntact(fsys outdir.FS, out string, want []FileStat) bool {
	paths := make([]string, len(want))
	keep := make(map[string]bool, len(want))
	for i, f := range want {
		paths[i] = f.Path
		keep[f.Path] = true
	}
	got, ok := statOutputs(out, paths)
	return ok && slices.Equal(got, want) && len(outdir.Stale(fsys, out, keep, &outdir.Manifest{})) == 0
}

// Save records a successful run; failures to write the cache only cost
// the next run its fast path. inputs are the stats taken before the pages
// were read: taken after, they could vouch for an edit the run never saw.
func Save(out, pkg string, inputs []FileStat, files []outdir.File, diags ir.Diagnostics, formats []FormatEntry) {
	p := cachePath(out)
	if p == "" || inputs == nil {
		return
	}
	paths := make([]string, len(files))
	for i, f := range files {
		paths[i] = f.Path
	}
	outputs, ok := statOutputs(out, paths)
	if !ok {
		return
	}
	data, err := json.Marshal(Stamp{Tool: ToolHash(), Package: pkg, Inputs: inputs, Outputs: outputs, Diagnostics: diags, Formats: formats})
	if err != nil || os.MkdirAll(filepath.Dir(p), 0o755) != nil {
		return
	}
	if os.WriteFile(p+outdir.TempSuffix, data, 0o644) == nil {
		_ = os.Rename(p+outdir.TempSuffix, p)
	}
}

package main

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"os/exec"
	"path"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"

	"github.com/docs2go/docs2go/cmd/internal/parallel"
	"github.com/docs2go/docs2go/parser"
	"github.com/docs2go/docs2go/parser/ir"
)

// gitBlob is one page of a folder at a revision.
type gitBlob struct {
	id   string // object name
	rel  string // slash path relative to the folder
	data []byte
}

// readGitVersion parses the pages under dir as they are at rev, without a
// checkout: `git ls-tree` lists them and one `git cat-file --batch` reads
// them all (a `git show` per page would start thousands of processes).
// Page names are those a run on the folder itself would use.
func readGitVersion(rev, dir string) (docsVersion, error) {
	blobs, err := gitListPages(rev, dir)
	if err != nil {
		return docsVersion{}, err
	}
	if len(blobs) == 0 {
		return docsVersion{}, fmt.Errorf("%s at %s: no .md pages", dir, rev)
	}
	if err := gitReadBlobs(dir, blobs); err != nil {
		return docsVersion{}, err
	}
	base := filepath.Base(absOr(filepath.Clean(dir)))
	pages := make([]*ir.Page, len(blobs))
	display := make(displayNames, len(blobs))
	parallel.For(len(blobs), runtime.GOMAXPROCS(0), func(i int) {
		pages[i], _ = parser.ParsePage(path.Join(base, blobs[i].rel), blobs[i].data)
	})
	for _, b := range blobs {
		display[path.Join(base, b.rel)] = rev + ":" + path.Join(filepath.ToSlash(dir), b.rel)
	}
	return docsVersion{label: rev + ":" + dir, pages: pages, display: display.of}, nil
}

// gitListPages lists the .md blobs under dir at rev.
func gitListPages(rev, dir string) ([]gitBlob, error) {
	cmd := exec.Command("git", "-C", dir, "ls-tree", "-r", "-z", rev, "--", ".")
	out, err := cmd.Output()
	if err != nil {
		return nil, gitError("ls-tree", err)
	}
	var blobs []gitBlob
	for _, rec := range strings.Split(string(out), "\x00") {
		// "<mode> <type> <object>\t<path>", path relative to dir.
		meta, rel, ok := strings.Cut(rec, "\t")
		fields := strings.Fields(meta)
		if !ok || len(fields) != 3 || fields[1] != "blob" || !strings.EqualFold(path.Ext(rel), ".md") {
			continue
		}
		blobs = append(blobs, gitBlob{id: fields[2], rel: rel})
	}
	return blobs, nil
}

// gitReadBlobs fills in every blob's content through one cat-file process.
func gitReadBlobs(dir string, blobs []gitBlob) error {
	var ids bytes.Buffer
	for _, b := range blobs {
		ids.WriteString(b.id + "\n")
	}
	cmd := exec.Command("git", "-C", dir, "cat-file", "--batch")
	cmd.Stdin = &ids
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return err
	}
	if err := cmd.Start(); err != nil {
		return gitError("cat-file", err)
	}
	r := bufio.NewReaderSize(stdout, 1<<16)
	for i := range blobs {
		if blobs[i].data, err = readBatchEntry(r, blobs[i].id); err != nil {
			_ = cmd.Process.Kill()
			_ = cmd.Wait()
			return fmt.Errorf("git cat-file: %s: %w", blobs[i].rel, err)
		}
	}
	if err := cmd.Wait(); err != nil {
		return gitError("cat-file", err)
	}
	return nil
}

// readBatchEntry reads "<object> blob <size>\n<content>\n".
func readBatchEntry(r *bufio.Reader, id string) ([]byte, error) {
	header, err := r.ReadString('\n')
	if err != nil {
		return nil, err
	}
	f := strings.Fields(header)
	if len(f) != 3 || f[0] != id || f[1] != "blob" {
		return nil, fmt.Errorf("unexpected answer %q", strings.TrimSpace(header))
	}
	size, err := strconv.Atoi(f[2])
	if err != nil {
		return nil, err
	}
	data := make([]byte, size+1) // the content and its newline
	if _, err := io.ReadFull(r, data); err != nil {
		return nil, err
	}
	return data[:size], nil
}

// gitError adds git's own message to a failed command.
func gitError(what string, err error) error {
	if ee, ok := err.(*exec.ExitError); ok && len(ee.Stderr) > 0 {
		return fmt.Errorf("git %s: %s", what, strings.TrimSpace(string(ee.Stderr)))
	}
	return fmt.Errorf("git %s: %w", what, err)
}

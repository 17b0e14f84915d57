package main

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/text"
)

// parseOnly reads and parses every .md file below dirs with goldmark (GFM
// tables) on every core, and does nothing with the result: the least any
// Markdown-reading tool must spend on the same input.
func parseOnly(dirs []string) int {
	var files []string
	for _, d := range dirs {
		_ = filepath.WalkDir(d, func(p string, e fs.DirEntry, err error) error {
			if err == nil && !e.IsDir() && strings.HasSuffix(p, ".md") {
				files = append(files, p)
			}
			return nil
		})
	}
	md := goldmark.New(goldmark.WithExtensions(extension.Table))
	jobs := make(chan string)
	var wg sync.WaitGroup
	var mu sync.Mutex
	nodes := 0
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			n := 0
			for f := range jobs {
				src, err := os.ReadFile(f)
				if err != nil {
					continue
				}
				doc := md.Parser().Parse(text.NewReader(src))
				n += doc.ChildCount()
			}
			mu.Lock()
			nodes += n
			mu.Unlock()
		}()
	}
	for _, f := range files {
		jobs <- f
	}
	close(jobs)
	wg.Wait()
	fmt.Printf("%d pages, %d top-level nodes\n", len(files), nodes)
	return 0
}

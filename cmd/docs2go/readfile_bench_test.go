package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"testing"
)

// BenchmarkReadPage compares the raw-syscall page reader with the os calls
// that would replace it (open, stat, read to the end) on 2,000 files of 6 KB, the
// median size of a corpus page.
func BenchmarkReadPage(b *testing.B) {
	dir := b.TempDir()
	names := make([]string, 2000)
	page := make([]byte, 6<<10)
	for i := range names {
		names[i] = filepath.Join(dir, fmt.Sprintf("p%04d.md", i))
		if err := os.WriteFile(names[i], page, 0o644); err != nil {
			b.Fatal(err)
		}
	}
	readers := map[string]func(string) ([]byte, error){
		"syscall": func(n string) ([]byte, error) { d, _, _, _, err := readPage(n); return d, err },
		"os": func(n string) ([]byte, error) {
			f, err := os.Open(n)
			if err != nil {
				return nil, err
			}
			defer f.Close()
			info, err := f.Stat()
			if err != nil {
				return nil, err
			}
			data := make([]byte, 0, info.Size()+1)
			for {
				m, err := f.Read(data[len(data):cap(data)])
				data = data[:len(data)+m]
				if err == io.EOF {
					return data, nil
				}
				if err != nil {
					return nil, err
				}
				if len(data) == cap(data) {
					data = append(data, 0)[:len(data)]
				}
			}
		},
	}
	for _, name := range []string{"syscall", "os"} {
		read := readers[name]
		b.Run(name, func(b *testing.B) {
			for b.Loop() {
				for _, n := range names {
					if _, err := read(n); err != nil {
						b.Fatal(err)
					}
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(names)), "ns/page")
		})
	}
}

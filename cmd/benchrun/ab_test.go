package main

import (
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestMedian(t *testing.T) {
	for _, c := range []struct {
		in   []float64
		want float64
	}{
		{nil, 0},
		{[]float64{4}, 4},
		{[]float64{9, 1, 5}, 5},
		{[]float64{8, 2, 6, 4}, 5},
		{[]float64{3, 3, 1, 100}, 3},
	} {
		in := append([]float64(nil), c.in...)
		if got := median(in); got != c.want {
			t.Errorf("median(%v) = %v, want %v", c.in, got, c.want)
		}
		for i := range in {
			if in[i] != c.in[i] {
				t.Errorf("median(%v) reordered its argument to %v", c.in, in)
				break
			}
		}
	}
	if got := median([]time.Duration{3 * time.Second, time.Second}); got != 2*time.Second {
		t.Errorf("median of durations 3s, 1s = %v, want 2s", got)
	}
}

func TestMediansTakesEachMeasureSeparately(t *testing.T) {
	got := medians([]sample{
		{wall: 1 * time.Second, cpu: 9 * time.Second, rssMiB: 500},
		{wall: 3 * time.Second, cpu: 1 * time.Second, rssMiB: 100},
		{wall: 2 * time.Second, cpu: 5 * time.Second, rssMiB: 900},
	})
	want := sample{wall: 2 * time.Second, cpu: 5 * time.Second, rssMiB: 500}
	if got != want {
		t.Errorf("medians = %+v, want %+v", got, want)
	}
}

func TestRatio(t *testing.T) {
	for _, c := range []struct {
		newV, oldV float64
		want       string
	}{
		{5.46, 6.34, "0.861x"},
		{2, 1, "2.000x"},
		{1, 0, "n/a"},
	} {
		if got := ratio(c.newV, c.oldV); got != c.want {
			t.Errorf("ratio(%v, %v) = %q, want %q", c.newV, c.oldV, got, c.want)
		}
	}
}

func TestParseOptionsComparison(t *testing.T) {
	dir := t.TempDir()
	bin := filepath.Join(dir, "docs2go")
	if err := os.WriteFile(bin, []byte("#!/bin/sh\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	notExec := filepath.Join(dir, "plain")
	if err := os.WriteFile(notExec, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	docs := filepath.Join(dir, "v1.0")
	if err := os.Mkdir(docs, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name    string
		args    []string
		wantErr string // "" when the options are valid
	}{
		{"no binary after -against", []string{"-against"}, "usage"},
		{"empty -against", []string{"-against", "", "-docs2go", bin, docs}, "-against needs the old docs2go binary"},
		{"flag taken for the binary", []string{"-against", "-runs", "-docs2go", bin, docs}, "-against needs a docs2go binary, not the flag -runs"},
		{"missing old binary", []string{"-against", filepath.Join(dir, "nope"), "-docs2go", bin, docs}, "-against: not an executable"},
		{"old binary not executable", []string{"-against", notExec, "-docs2go", bin, docs}, "-against: not an executable"},
		{"missing new binary", []string{"-against", bin, "-docs2go", filepath.Join(dir, "nope"), docs}, "-docs2go: not an executable"},
		{"missing folder", []string{"-against", bin, "-docs2go", bin, filepath.Join(dir, "v9")}, "docs folder"},
		{"default folders missing", []string{"-against", bin, "-docs2go", bin, "-corpus", filepath.Join(dir, "none")}, "docs folder"},
		{"no runs", []string{"-against", bin, "-docs2go", bin, "-runs", "0", docs}, "-runs must be at least 1"},
		{"folders without -against", []string{"-corpus", dir, docs}, "folders given without -against"},
		{"valid", []string{"-against", bin, "-docs2go", bin, "-runs", "2", docs}, ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			o, err := parseOptions(c.args, io.Discard)
			if c.wantErr == "" {
				if err != nil {
					t.Fatalf("parseOptions(%q): %v", c.args, err)
				}
				if o.against != bin || o.runs != 2 || len(o.dirs) != 1 || o.dirs[0] != docs {
					t.Errorf("parseOptions(%q) = %+v", c.args, o)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), c.wantErr) {
				t.Errorf("parseOptions(%q) error = %v, want one containing %q", c.args, err, c.wantErr)
			}
		})
	}
}

func TestParseOptionsDefaultFoldersAreTheCorpusVersions(t *testing.T) {
	corpus := t.TempDir()
	for _, v := range []string{"v1.0", "beta"} {
		if err := os.Mkdir(filepath.Join(corpus, v), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	bin := filepath.Join(corpus, "docs2go")
	if err := os.WriteFile(bin, []byte("#!/bin/sh\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	o, err := parseOptions([]string{"-corpus", corpus, "-against", bin, "-docs2go", bin}, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{filepath.Join(corpus, "v1.0"), filepath.Join(corpus, "beta")}
	if strings.Join(o.dirs, "|") != strings.Join(want, "|") {
		t.Errorf("dirs = %q, want %q", o.dirs, want)
	}
}

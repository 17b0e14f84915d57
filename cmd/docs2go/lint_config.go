package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"path"
	"strings"

	"github.com/docs2go/docs2go/generator"
	"github.com/docs2go/docs2go/parser/ir"
)

// defaultLintConfig is read by `docs2go lint` when -config is not given
// and the file exists in the working directory.
const defaultLintConfig = ".docs2go.json"

// lintConfig is the lint configuration file (JSON, so the standard
// library reads it):
//
//	{"suppress": [
//	  {"code": "todo-placeholder", "files": "api/intune-*.md", "reason": "generated pages"}
//	]}
//
// Unknown fields are errors, so a misspelt "supress" does not silently
// suppress nothing. "include" and "exclude" (select_config.go) select the
// endpoints generation writes; lint checks their syntax and ignores them.
type lintConfig struct {
	file     string // where it was read from, for messages
	Suppress []suppression
	// selection is the "include" and "exclude" patterns of generation
	// (select_config.go); lint reads and ignores them.
	selection generator.Selection
}

// suppression hides the diagnostics matching all of its non-empty fields.
// Code is a diagnostic code; Files is a path.Match glob on the page path
// (the docs-relative name, e.g. "beta/api/intune-x-create.md"). A glob
// without a leading "/" also matches any trailing part of the path that
// starts at a folder boundary, so "api/intune-*.md" matches
// "beta/api/intune-x-create.md"; a leading "/" anchors it.
type suppression struct {
	Code   string `json:"code,omitempty"`
	Files  string `json:"files,omitempty"`
	Reason string `json:"reason,omitempty"` // free text for reviewers
	line   int    // line of the entry in the config file
	used   int
}

// parseLintConfig reads a config file's bytes. name is used in errors.
func parseLintConfig(name string, data []byte) (*lintConfig, error) {
	cfg := &lintConfig{file: name}
	var raw struct {
		Suppress []json.RawMessage `json:"suppress"`
		Include  []string          `json:"include"`
		Exclude  []string          `json:"exclude"`
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&raw); err != nil {
		return nil, fmt.Errorf("%s: %v", name, err)
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return nil, fmt.Errorf("%s: unexpected data after the configuration object", name)
	}
	searchFrom := 0
	for i, r := range raw.Suppress {
		var s suppression
		d := json.NewDecoder(bytes.NewReader(r))
		d.DisallowUnknownFields()
		if err := d.Decode(&s); err != nil {
			return nil, fmt.Errorf("%s: suppress[%d]: %v", name, i, err)
		}
		if s.Code == "" && s.Files == "" {
			return nil, fmt.Errorf("%s: suppress[%d]: give a code, a files glob or both", name, i)
		}
		if _, err := path.Match(s.Files, ""); err != nil {
			return nil, fmt.Errorf("%s: suppress[%d]: files %q: %v", name, i, s.Files, err)
		}
		// RawMessage keeps the entry's bytes verbatim: find them in order
		// to report unused entries at their line.
		if at := bytes.Index(data[searchFrom:], r); at >= 0 {
			s.line = 1 + bytes.Count(data[:searchFrom+at], []byte("\n"))
			searchFrom += at + len(r)
		}
		cfg.Suppress = append(cfg.Suppress, s)
	}
	sel, err := selectionPatterns(name, data)
	if err != nil {
		return nil, err
	}
	cfg.selection = sel
	return cfg, nil
}

// matches reports whether s hides d.
func (s *suppression) matches(d ir.Diagnostic) bool {
	if s.Code != "" && s.Code != string(d.Code) {
		return false
	}
	return s.Files == "" || generator.MatchPageGlob(s.Files, d.Pos.File)
}

// apply splits diags into those kept and the number suppressed, counting
// each suppression's uses.
func (c *lintConfig) apply(diags ir.Diagnostics) (kept ir.Diagnostics, suppressed int) {
	for _, d := range diags {
		hidden := false
		for i := range c.Suppress {
			if c.Suppress[i].matches(d) {
				c.Suppress[i].used++
				hidden = true
			}
		}
		if hidden {
			suppressed++
			continue
		}
		kept = append(kept, d)
	}
	return kept, suppressed
}

// unused returns an "unused-suppression" warning for every entry that hid
// nothing: stale entries would otherwise hide tomorrow's real findings.
func (c *lintConfig) unused() ir.Diagnostics {
	var diags ir.Diagnostics
	for _, s := range c.Suppress {
		if s.used > 0 {
			continue
		}
		var what []string
		if s.Code != "" {
			what = append(what, fmt.Sprintf("code %q", s.Code))
		}
		if s.Files != "" {
			what = append(what, fmt.Sprintf("files %q", s.Files))
		}
		diags.Warnf(ir.Pos{File: c.file, Line: s.line}, ir.CodeUnusedSuppression,
			"config: suppression of %s matched no diagnostic; remove it", strings.Join(what, ", "))
	}
	return diags
}

package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// brokenCreatePage documents a create endpoint whose example request is not
// JSON: an error in the docs at a known place (line 14).
const brokenCreatePage = `---
title: "Create widget"
doc_type: apiPageType
---

# Create widget

## HTTP request
` + "```http" + `
POST /widgets
` + "```" + `

## Response
If successful, this method returns a ` + "`201 Created`" + ` response code.

## Example
` + "```http" + `
POST https://graph.microsoft.com/beta/widgets
Content-type: application/json

{"name": "a", }
` + "```" + `

` + "```http" + `
HTTP/1.1 201 Created
Content-type: application/json

{"name": "a"}
` + "```" + `
`

// TestBadPageIsReportedAndTheRestGenerated: a page with an error yields a
// positioned diagnostic and exit status 1, and everything else is still
// generated and written.
func TestBadPageIsReportedAndTheRestGenerated(t *testing.T) {
	t.Setenv("XDG_CACHE_HOME", t.TempDir())
	docs := copyDocs(t)
	if err := os.WriteFile(filepath.Join(docs, "api", "widget-create.md"), []byte(brokenCreatePage), 0o644); err != nil {
		t.Fatal(err)
	}
	out := t.TempDir()
	var stdout, stderr bytes.Buffer
	code := run([]string{"-out", out, "-pkg", "partial", docs}, &stdout, &stderr)
	if code != 1 {
		t.Errorf("exit %d, want 1 for a page with an error\n%s", code, stderr.String())
	}
	wantDiag := filepath.ToSlash(filepath.Join(docs, "api", "widget-create.md")) + ":21:15:"
	if !strings.Contains(stderr.String(), wantDiag) || !strings.Contains(stderr.String(), "error: invalid-json") {
		t.Errorf("no invalid-json error at %s...:\n%s", wantDiag, stderr.String())
	}
	server, err := os.ReadFile(filepath.Join(out, "server.go"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"CreateAndroidDeviceOwnerEnrollmentProfile(", "POST /widgets"} {
		if !bytes.Contains(server, []byte(want)) {
			t.Errorf("server.go lacks %q: the rest of the doc set must still be generated", want)
		}
	}
}

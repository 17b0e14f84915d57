package main

import (
	"encoding/json"
	"fmt"
	"io"

	"github.com/docs2go/docs2go/parser/ir"
)

// report is the -report JSON document.
type report struct {
	Pages       int              `json:"pages"`
	Types       int              `json:"types"`
	Endpoints   []endpointReport `json:"endpoints"`
	Diagnostics []diagReport     `json:"diagnostics"`
	// PrunedTypes lists the types derived from a generated type that the
	// endpoint selection left out, as nothing selected reaches them.
	PrunedTypes []prunedReport `json:"prunedTypes,omitempty"`
}

type prunedReport struct {
	File   string `json:"file"`
	Line   int    `json:"line"`
	Type   string `json:"type"`   // qualified name
	GoName string `json:"goName"` // its name in the full package
	Base   string `json:"base"`   // the generated type it derives from
}

type endpointReport struct {
	File      string `json:"file"`
	Line      int    `json:"line"`
	Kind      string `json:"kind"` // create, get, list, update, delete, action, function, put
	Method    string `json:"method"`
	Path      string `json:"path"`
	Name      string `json:"name"`
	Generated bool   `json:"generated"`
	Reason    string `json:"reason,omitempty"`
}

type diagReport struct {
	File     string `json:"file"`
	Line     int    `json:"line"`
	Col      int    `json:"col"`
	Severity string `json:"severity"`
	Code     string `json:"code"`
	Message  string `json:"message"`
}

// displayNames maps doc-set page names to the paths the user gave, so
// every position printed can be opened from the working directory.
type displayNames map[string]string

func newDisplayNames(ins []input) displayNames {
	m := make(displayNames, len(ins))
	for _, in := range ins {
		m[in.name] = in.display
	}
	return m
}

func (d displayNames) of(name string) string {
	if p, ok := d[name]; ok {
		return p
	}
	return name
}

func (d displayNames) pos(p ir.Pos) ir.Pos {
	p.File = d.of(p.File)
	return p
}

func (d displayNames) diag(x ir.Diagnostic) string {
	x.Pos = d.pos(x.Pos)
	return fmt.Sprintf("%s: %s: %s: %s", x.Pos, x.Severity, x.Code, x.Message)
}

func buildReport(b *build, diags ir.Diagnostics, names displayNames) report {
	r := report{Pages: b.pageCount, Types: len(b.docSet.Types) + len(b.docSet.Enums),
		Endpoints: []endpointReport{}, Diagnostics: []diagReport{}}
	for i, ep := range b.docSet.Endpoints {
		er := endpointReport{File: names.of(ep.Page), Line: ep.Pos.Line, Kind: string(kindOf(ep.Kind)), Method: ep.Method}
		if len(ep.Paths) > 0 {
			er.Path = ep.Paths[0].Template
		}
		if i < len(b.result.Endpoints) {
			res := b.result.Endpoints[i]
			er.Name, er.Generated, er.Reason = res.Name, res.Generated, res.Reason
		}
		r.Endpoints = append(r.Endpoints, er)
	}
	for _, s := range b.docSet.Skipped {
		r.Endpoints = append(r.Endpoints, endpointReport{File: names.of(s.Page), Line: s.Pos.Line,
			Kind: string(kindOf(s.Kind)), Method: s.Method, Path: s.Path, Reason: fmt.Sprintf("%s: %s", names.pos(s.Pos), s.Reason)})
	}
	if b.pruned != nil {
		for _, p := range b.pruned.Derived {
			r.PrunedTypes = append(r.PrunedTypes, prunedReport{File: names.of(p.Pos.File), Line: p.Pos.Line,
				Type: p.Name, GoName: p.GoName, Base: p.Base})
		}
	}
	for _, d := range diags {
		r.Diagnostics = append(r.Diagnostics, diagReport{File: names.of(d.Pos.File), Line: d.Pos.Line,
			Col: d.Pos.Col, Severity: string(d.Severity), Code: string(d.Code), Message: d.Message})
	}
	return r
}

// kindOf reads an operation kind; older IR files have none, and every
// endpoint they hold is a create.
func kindOf(k ir.OpKind) ir.OpKind {
	if k == "" {
		return ir.OpCreate
	}
	return k
}

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

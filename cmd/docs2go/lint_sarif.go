package main

import (
	"net/url"
	"path"
	"slices"
	"strings"

	"github.com/docs2go/docs2go/parser/ir"
)

// SARIF 2.1.0 (OASIS), the subset code-scanning tools read: one run, the
// rules (one per diagnostic code) and the results.
type sarifLog struct {
	Schema  string     `json:"$schema"`
	Version string     `json:"version"`
	Runs    []sarifRun `json:"runs"`
}

type sarifRun struct {
	Tool       sarifTool     `json:"tool"`
	ColumnKind string        `json:"columnKind"`
	Results    []sarifResult `json:"results"`
}

type sarifTool struct {
	Driver sarifDriver `json:"driver"`
}

type sarifDriver struct {
	Name           string      `json:"name"`
	InformationURI string      `json:"informationUri,omitempty"`
	Rules          []sarifRule `json:"rules"`
}

type sarifRule struct {
	ID               string       `json:"id"`
	ShortDescription sarifMessage `json:"shortDescription"`
}

type sarifMessage struct {
	Text string `json:"text"`
}

type sarifResult struct {
	RuleID    string          `json:"ruleId"`
	RuleIndex int             `json:"ruleIndex"`
	Level     string          `json:"level"`
	Message   sarifMessage    `json:"message"`
	Locations []sarifLocation `json:"locations"`
}

type sarifLocation struct {
	PhysicalLocation sarifPhysical `json:"physicalLocation"`
}

type sarifPhysical struct {
	ArtifactLocation sarifArtifact `json:"artifactLocation"`
	Region           *sarifRegion  `json:"region,omitempty"`
}

type sarifArtifact struct {
	URI string `json:"uri"`
}

type sarifRegion struct {
	StartLine   int `json:"startLine"`
	StartColumn int `json:"startColumn,omitempty"`
}

// toSARIF converts diagnostics; display maps a page name to the path
// printed for the user.
func toSARIF(diags ir.Diagnostics, display func(string) string) sarifLog {
	var codes []ir.Code
	for _, d := range diags {
		if !slices.Contains(codes, d.Code) {
			codes = append(codes, d.Code)
		}
	}
	slices.Sort(codes)
	run := sarifRun{
		Tool: sarifTool{Driver: sarifDriver{Name: "docs2go",
			InformationURI: "https://github.com/docs2go/docs2go", Rules: []sarifRule{}}},
		// Columns count bytes, i.e. UTF-8 code units (the SARIF default
		// would be UTF-16).
		ColumnKind: "utf8CodeUnits",
		Results:    []sarifResult{},
	}
	for _, c := range codes {
		desc := c.Meaning()
		if desc == "" {
			desc = string(c)
		}
		run.Tool.Driver.Rules = append(run.Tool.Driver.Rules, sarifRule{ID: string(c), ShortDescription: sarifMessage{Text: desc}})
	}
	for _, d := range diags {
		run.Results = append(run.Results, sarifResult{
			RuleID:    string(d.Code),
			RuleIndex: slices.Index(codes, d.Code),
			Level:     sarifLevel(d.Severity),
			Message:   sarifMessage{Text: d.Message},
			Locations: sarifLocations(d.Pos, display),
		})
	}
	return sarifLog{Schema: "https://json.schemastore.org/sarif-2.1.0.json", Version: "2.1.0", Runs: []sarifRun{run}}
}

func sarifLevel(s ir.Severity) string {
	if s == ir.Error {
		return "error"
	}
	return "warning"
}

// sarifLocations places a result; a diagnostic without a file (an
// internal error) has no location.
func sarifLocations(p ir.Pos, display func(string) string) []sarifLocation {
	if p.File == "" {
		return []sarifLocation{}
	}
	ph := sarifPhysical{ArtifactLocation: sarifArtifact{URI: fileURI(display(p.File))}}
	if p.Line > 0 {
		ph.Region = &sarifRegion{StartLine: p.Line, StartColumn: max(p.Col, 0)}
	}
	return []sarifLocation{{PhysicalLocation: ph}}
}

// fileURI turns a slash path into a URI reference: relative paths stay
// relative (code scanning resolves them against the checkout), absolute
// ones become file:// URIs; both are percent-encoded.
func fileURI(p string) string {
	p = strings.ReplaceAll(p, "\\", "/")
	u := url.URL{Path: p}
	if path.IsAbs(p) {
		u.Scheme = "file"
	}
	return u.String()
}

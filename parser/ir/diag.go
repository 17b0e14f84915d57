package ir

import (
	"cmp"
	"fmt"
	"slices"
)

// Severity says whether a diagnostic fails the run.
type Severity string

const (
	Error   Severity = "error"   // the construct could not be used; the run exits 1
	Warning Severity = "warning" // a defect docs2go worked around
)

// Diagnostic is one problem found in the docs, at its place.
type Diagnostic struct {
	Pos      Pos      `json:"pos"`
	Severity Severity `json:"severity"`
	Code     Code     `json:"code"`    // one of Codes
	Message  string   `json:"message"` // lower-case, no trailing period
}

// String formats d as "file:line:col: severity: code: message".
func (d Diagnostic) String() string {
	return fmt.Sprintf("%s: %s: %s: %s", d.Pos, d.Severity, d.Code, d.Message)
}

// Diagnostics collects problems; the zero value is ready to use.
type Diagnostics []Diagnostic

// Errorf records an error at pos.
func (ds *Diagnostics) Errorf(pos Pos, code Code, format string, args ...any) {
	*ds = append(*ds, Diagnostic{Pos: pos, Severity: Error, Code: code, Message: fmt.Sprintf(format, args...)})
}

// Warnf records a warning at pos.
func (ds *Diagnostics) Warnf(pos Pos, code Code, format string, args ...any) {
	*ds = append(*ds, Diagnostic{Pos: pos, Severity: Warning, Code: code, Message: fmt.Sprintf(format, args...)})
}

// HasErrors reports whether any diagnostic is an error.
func (ds Diagnostics) HasErrors() bool {
	return slices.ContainsFunc(ds, func(d Diagnostic) bool { return d.Severity == Error })
}

// Sort orders diagnostics by file, line, column, code and message, so output
// does not depend on the order in which work was done.
func (ds Diagnostics) Sort() {
	slices.SortStableFunc(ds, func(a, b Diagnostic) int {
		return cmp.Or(
			cmp.Compare(a.Pos.File, b.Pos.File),
			cmp.Compare(a.Pos.Line, b.Pos.Line),
			cmp.Compare(a.Pos.Col, b.Pos.Col),
			cmp.Compare(a.Code, b.Code),
			cmp.Compare(a.Message, b.Message),
		)
	})
}

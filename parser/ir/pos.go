package ir

import "strconv"

// Pos is a place in a docs file. Line and Col are 1-based; Col counts bytes,
// as go/token does. The zero Pos means "unknown".
type Pos struct {
	File string `json:"file,omitempty"` // docs-relative slash path
	Line int    `json:"line,omitempty"`
	Col  int    `json:"col,omitempty"`
}

// IsValid reports whether p points somewhere.
func (p Pos) IsValid() bool { return p.Line > 0 }

// String formats p as "file:line:col" (or as much of it as is known).
func (p Pos) String() string {
	s := p.File
	if p.Line > 0 {
		s += ":" + strconv.Itoa(p.Line)
		if p.Col > 0 {
			s += ":" + strconv.Itoa(p.Col)
		}
	}
	if s == "" {
		return "-"
	}
	return s
}

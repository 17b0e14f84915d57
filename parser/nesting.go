package parser

import (
	"bytes"
	"iter"

	"github.com/docs2go/docs2go/parser/ir"
)

const (
	// maxMarkers caps the container markers ('>' and list markers) that
	// one line may open. goldmark is quadratic in the nesting depth: a
	// 1 MiB line of '>' ran for minutes. Reference pages nest at most 4
	// deep (a fence in a list item in a note).
	maxMarkers = 32
	// maxListIndent caps the column of a list marker: list items nest by
	// indentation alone, two columns a level, so this bounds that depth.
	maxListIndent = 64
)

// defuseNesting returns md with every line's container prefix cut after
// maxMarkers markers, or at a list marker beyond column maxListIndent, by
// overwriting the first byte of the marker with '\' so that goldmark reads
// the rest of the line as text. lines yields the bounds of md's lines
// (lineIndex.linesFrom: the page is split into lines once). The result
// has md's length, so offsets stay valid; md itself is returned, and cut
// is false, when nothing is cut. Each cut line is reported at pos(offset).
func defuseNesting(md []byte, lines iter.Seq2[int, int], pos func(int) ir.Pos, diags *ir.Diagnostics) (out []byte, cut bool) {
	out = md
	for start, end := range lines {
		if at, why := tooDeep(md[start:end]); at >= 0 {
			if !cut {
				out, cut = bytes.Clone(md), true
			}
			out[start+at] = '\\'
			diags.Warnf(pos(start+at), ir.CodeNestingTooDeep, "markdown: %s; the rest of the line is read as text", why)
		}
	}
	return out, cut
}

// tooDeep returns the offset of the first container marker of line that
// goes past the limits, and why; -1 when the line is within them.
func tooDeep(line []byte) (int, string) {
	markers, col := 0, 0
	for i := 0; i < len(line); {
		switch line[i] {
		case ' ':
			col++
			i++
			continue
		case '\t':
			col += 4 - col%4
			i++
			continue
		}
		n := markerLen(line[i:])
		if n == 0 {
			return -1, ""
		}
		markers++
		if markers > maxMarkers {
			return i, "more than 32 nested blocks open on one line"
		}
		if line[i] != '>' && col > maxListIndent {
			return i, "list item indented more than 64 columns"
		}
		i += n
		col += n
	}
	return -1, ""
}

// markerLen returns the length of the container marker at the start of s
// ("> ", "- ", "* ", "+ ", "1. ", "1) " without the space), 0 when there is
// none.
func markerLen(s []byte) int {
	switch s[0] {
	case '>':
		return 1
	case '-', '+', '*':
		if len(s) == 1 || s[1] == ' ' || s[1] == '\t' || s[1] == '\r' {
			return 1
		}
		return 0
	}
	d := 0
	for d < len(s) && d < 9 && s[d] >= '0' && s[d] <= '9' {
		d++
	}
	if d == 0 || d == len(s) || s[d] != '.' && s[d] != ')' {
		return 0
	}
	if d+1 == len(s) || s[d+1] == ' ' || s[d+1] == '\t' || s[d+1] == '\r' {
		return d + 1
	}
	return 0
}

package parser

import (
	"iter"
	"slices"
	"strings"

	"github.com/yuin/goldmark/text"
)

// table is a GFM table with the raw Markdown of every cell.
type table struct {
	header []string // plain, lower-cased header cells, "**" and backticks stripped
	rows   []row
	pos    int // offset of the table
}

// row is one body row.
type row struct {
	cells []string // raw Markdown per header column (goldmark pads short rows)
	raw   int      // cells counted in the source line (may differ from len(header))
	pos   int      // offset of the row
}

// readTable splits the lines of a table into cells. Cell text is raw
// Markdown, trimmed, so that links and markup stay available to the
// callers. The header keeps at most t.cols cells and is padded to t.cols,
// body rows keep at most t.cols cells and are not padded (gmtable.go).
// The table's arrays are scr's, valid until the next readTable.
func readTable(t *tableBlock, src string, scr *scratch) *table {
	tb := &table{pos: t.Pos(), header: slices.Grow(scr.header[:0], t.cols), rows: slices.Grow(scr.rows[:0], len(t.body))}
	for c := range tableCells(src, t.header, t.cols) {
		tb.header = append(tb.header, strings.ToLower(plainText(c)))
	}
	for len(tb.header) < t.cols {
		tb.header = append(tb.header, "")
	}
	// All body cells share one array. Each cell but a row's first takes a
	// pipe, so rows hold at most one cell more than they have bytes: that
	// bound sizes the array where it is below rows × columns, and hostile
	// rows of "|" under a wide header stay linear.
	cells := slices.Grow(scr.cells[:0], min(len(t.body)*t.cols, bodyBytes(t.body)+len(t.body)))
	for _, seg := range t.body {
		start := len(cells)
		for c := range tableCells(src, seg, t.cols) {
			cells = append(cells, c)
		}
		tb.rows = append(tb.rows, row{pos: seg.Start, raw: countCells(src, seg.Start), cells: cells[start:len(cells):len(cells)]})
	}
	scr.header, scr.rows, scr.cells = tb.header, tb.rows, cells
	return tb
}

// bodyBytes returns the bytes the lines span.
func bodyBytes(lines []text.Segment) int {
	if len(lines) == 0 {
		return 0
	}
	return lines[len(lines)-1].Stop - lines[0].Start
}

// tableCells yields the first cols cells of the table line seg, trimmed.
func tableCells(src string, seg text.Segment, cols int) iter.Seq[string] {
	return func(yield func(string) bool) {
		from, to, lineStart := rowSpan(src, seg.Start, seg.Stop)
		for i, pos := 0, from; pos < to && i < cols; i++ {
			end := cellEnd(src, pos, to, lineStart)
			if !yield(strings.TrimSpace(src[pos:end])) {
				return
			}
			pos = end + 1
		}
	}
}

// countCells counts the cells of the table line at off the way goldmark
// splits them: an optional leading and trailing pipe, then every pipe not
// preceded by a backslash, even inside code spans (corpus §4).
func countCells(src string, off int) int {
	end := lineEnd(src, off)
	line := strings.TrimSpace(src[off:end])
	line = strings.TrimPrefix(line, "|")
	if strings.HasSuffix(line, "|") && !strings.HasSuffix(line, `\|`) {
		line = line[:len(line)-1]
	}
	if line == "" {
		return 0
	}
	n := 1
	for i := 0; i < len(line); i++ {
		if line[i] == '|' && (i == 0 || line[i-1] != '\\') {
			n++
		}
	}
	return n
}

// col returns the index of the first header cell starting with one of the
// prefixes, or -1.
func (t *table) col(prefixes ...string) int {
	for i, h := range t.header {
		for _, p := range prefixes {
			if strings.HasPrefix(h, p) {
				return i
			}
		}
	}
	return -1
}

// cell returns row r's cell i, "" when out of range.
func (r row) cell(i int) string {
	if i < 0 || i >= len(r.cells) {
		return ""
	}
	return r.cells[i]
}

// tableShape classifies a table by its header.
type tableShape int

const (
	shapeOther tableShape = iota
	shapeProperty
	shapePermission
	shapeHeader
	shapeEnum
)

// propertyFirstCols are the first headers of property/parameter tables.
var propertyFirstCols = []string{"property", "parameter", "name", "property name", "required parameter", "parameters"}

// shape classifies t: a Type column makes a property table, "permission
// type" a permissions table, "header|value" or "name|description" a header
// table, "member"/"value" an enum table.
func (t *table) shape() tableShape {
	if len(t.header) == 0 {
		return shapeOther
	}
	first := t.header[0]
	switch {
	case strings.HasPrefix(first, "permission type"):
		return shapePermission
	case t.col("type") > 0 && oneOf(first, propertyFirstCols...):
		return shapeProperty
	case first == "header" || first == "name" && len(t.header) == 2 && t.header[1] == "description":
		return shapeHeader
	case first == "member" || first == "value" || first == "name" && t.col("value") > 0:
		return shapeEnum
	}
	return shapeOther
}

func oneOf(s string, options ...string) bool {
	for _, o := range options {
		if s == o {
			return true
		}
	}
	return false
}

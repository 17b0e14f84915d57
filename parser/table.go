package parser

import (
	"strings"

	gast "github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
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

// readTable collects the cells of a goldmark table. Cell text is the raw
// segment (Lines) so that links and markup stay available to the callers.
func readTable(t *east.Table, src string) *table {
	// Sized from the child counts goldmark keeps: growing the slices was
	// most of the allocations of a table.
	tb := &table{pos: t.Pos(), rows: make([]row, 0, max(t.ChildCount()-1, 0))}
	for n := t.FirstChild(); n != nil; n = n.NextSibling() {
		switch n := n.(type) {
		case *east.TableHeader:
			tb.header = make([]string, 0, n.ChildCount())
			for c := n.FirstChild(); c != nil; c = c.NextSibling() {
				tb.header = append(tb.header, strings.ToLower(plainText(cellRaw(c, src))))
			}
		case *east.TableRow:
			r := row{pos: n.Pos(), raw: countCells(src, n.Pos()), cells: make([]string, 0, n.ChildCount())}
			for c := n.FirstChild(); c != nil; c = c.NextSibling() {
				r.cells = append(r.cells, cellRaw(c, src))
			}
			tb.rows = append(tb.rows, r)
		}
	}
	return tb
}

func cellRaw(c gast.Node, src string) string {
	lines := c.Lines()
	if lines.Len() == 0 {
		return ""
	}
	return strings.TrimSpace(segmentValue(lines.At(0), src))
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

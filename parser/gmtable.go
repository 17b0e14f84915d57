package parser

import (
	"bytes"

	gast "github.com/yuin/goldmark/ast"
	gparser "github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// tableBlock is a GFM table as tableTransformer finds it: its lines, split
// into cells only when the walk reads them (readTable). One raw node per
// table replaces goldmark's row and cell nodes, a node and a segment slice
// per cell that were a third of the parse's allocations; being raw, it
// gets no inline pass either.
type tableBlock struct {
	gast.BaseBlock
	cols   int            // cells of the delimiter row
	header text.Segment   // the header line
	body   []text.Segment // the lines after the delimiter row
}

var kindTableBlock = gast.NewNodeKind("Docs2goTable")

// Kind implements gast.Node.
func (t *tableBlock) Kind() gast.NodeKind { return kindTableBlock }

// IsRaw implements gast.Node: the lines are not Markdown inlines.
func (t *tableBlock) IsRaw() bool { return true }

// Dump implements gast.Node.
func (t *tableBlock) Dump(src []byte, level int) { gast.DumpHelper(t, src, level, nil, nil) }

// tableTransformer turns paragraphs into tables exactly where goldmark's
// table extension does (same delimiter rule, same cell split, same
// positions), without its two costs that hostile input blows up: short
// body rows are not padded to the header width (a 1 MiB page of "|" rows
// under a 64-column header made 33 million empty cells, 7 GiB), and
// escaped pipes inside code spans are not re-split afterwards (quadratic in
// the number of such cells). row.cell returns "" past the end, so readers
// see the same cells.
type tableTransformer struct{}

// Transform implements gparser.ParagraphTransformer.
func (tableTransformer) Transform(node *gast.Paragraph, reader text.Reader, _ gparser.Context) {
	lines := node.Lines()
	src := reader.Source()
	for i := 1; i < lines.Len(); i++ {
		delim := lines.At(i)
		cols, ok := tableDelimiter(delim.Value(src))
		if !ok {
			continue
		}
		// goldmark pads a short header (a table, beta/api/reports-getgrouparchivedprintjobs.md:42)
		// and rejects a long one.
		if countRowCells(src, lines.At(i-1)) > cols {
			return
		}
		tbl := &tableBlock{cols: cols, header: lines.At(i - 1)}
		// The paragraph is closed: nothing appends to its lines any more,
		// so the body can share their array.
		tbl.body = lines.Sliced(i+1, lines.Len())
		tbl.SetPos(node.Pos())
		lines.SetSliced(0, i-1)
		parent := node.Parent()
		parent.InsertAfter(parent, node, tbl)
		if lines.Len() == 0 {
			parent.RemoveChild(parent, node)
		} else {
			last := lines.At(i - 2)
			last.Stop-- // the paragraph before the table loses its newline
			lines.Set(i-2, last)
		}
		return
	}
}

// tableDelimiter returns the number of columns of a delimiter row
// ("|:--|--:|"), ok false when line is not one.
func tableDelimiter(line []byte) (cols int, ok bool) {
	if w, _ := util.IndentWidth(line, 0); w > 3 {
		return 0, false
	}
	allDash := true
	for _, c := range line {
		if c != '-' {
			allDash = false
		}
		if !util.IsSpace(c) && c != '-' && c != '|' && c != ':' {
			return 0, false
		}
	}
	if allDash {
		return 0, false
	}
	// goldmark splits on '|' and drops a blank first and a blank last piece.
	last := bytes.Count(line, []byte{'|'})
	i := 0
	for col := range bytes.SplitSeq(line, []byte{'|'}) {
		edge := i == 0 || i == last
		i++
		if edge && util.IsBlank(col) {
			continue
		}
		if !isDelimiterCell(col) {
			return 0, false
		}
		cols++
	}
	return cols, true
}

// isDelimiterCell reports whether col is one delimiter cell, `\s*:?-+:?\s*`
// (goldmark's four regular expressions; \s is [\t\n\f\r ]).
func isDelimiterCell(col []byte) bool {
	col = bytes.Trim(col, "\t\n\f\r ")
	if bytes.HasPrefix(col, []byte(":")) {
		col = col[1:]
	}
	if len(col) > 0 && bytes.HasSuffix(col, []byte(":")) {
		col = col[:len(col)-1]
	}
	return len(col) > 0 && len(bytes.Trim(col, "-")) == 0
}

// rowSpan returns the part of the table line s[start:stop] that holds its
// cells, as goldmark's table extension takes it: the line trimmed of
// spaces, less one leading and one trailing pipe. lineStart is the trimmed
// line's start.
func rowSpan[S ~string | ~[]byte](s S, start, stop int) (from, to, lineStart int) {
	for start < stop && util.IsSpace(s[start]) {
		start++
	}
	for stop > start && util.IsSpace(s[stop-1]) {
		stop--
	}
	from, to = start, stop
	if start < stop && s[start] == '|' {
		from++
	}
	if start < stop && s[stop-1] == '|' {
		to--
	}
	return from, to, start
}

// cellEnd returns the end of the cell starting at pos in a row span: the
// next pipe not preceded by a backslash, even inside code spans (corpus §4).
func cellEnd[S ~string | ~[]byte](s S, pos, to, lineStart int) int {
	end := pos
	for end < to && (s[end] != '|' || end > lineStart && s[end-1] == '\\') {
		end++
	}
	return end
}

// countRowCells counts the cells of a table line the way readTable splits
// them.
func countRowCells(src []byte, seg text.Segment) int {
	from, to, lineStart := rowSpan(src, seg.Start, seg.Stop)
	n := 0
	for pos := from; pos < to; n++ {
		pos = cellEnd(src, pos, to, lineStart) + 1
	}
	return n
}

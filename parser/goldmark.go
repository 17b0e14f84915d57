package parser

import (
	"bytes"

	gast "github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	gparser "github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// blockParser builds the block tree only. The parser reads every fact from
// raw segments and never looks at inline nodes, so no inline parsers are
// registered: goldmark's emphasis, link and code-span parsing cost up to
// 150 MiB and seconds on a hostile 1 MiB page ("*a " or "[" repeated) for
// nothing. Block structure does not depend on inlines (CommonMark §3).
//
// goldmark's link reference definition transformer is left out too: it is
// quadratic in the definitions of one paragraph (150k "[a]: b" lines ran
// for minutes), and scanLinkDefs reads them anyway; definition-only
// paragraphs are skipped in paragraph. Leaving both out changes nothing on
// the 8,676 corpus pages (compared page by page, issue 7). Parsers are safe
// for concurrent use.
var blockParser = gparser.NewParser(
	gparser.WithBlockParsers(gparser.DefaultBlockParsers()...),
	gparser.WithParagraphTransformers(util.Prioritized(tableTransformer{}, 200)),
)

// tableTransformer turns paragraphs into GFM tables exactly where
// goldmark's table extension does (same delimiter rule, same cell split,
// same positions), without its two costs that hostile input blows up:
// short body rows are not padded to the header width (a 1 MiB page of "|" rows
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
		aligns := tableDelimiter(delim.Value(src))
		if aligns == nil {
			continue
		}
		header := tableRow(lines.At(i-1), src, aligns, true)
		if len(aligns) != header.ChildCount() {
			return
		}
		tbl := east.NewTable()
		tbl.Alignments = aligns
		tbl.SetPos(node.Pos())
		tbl.AppendChild(tbl, east.NewTableHeader(header))
		for j := i + 1; j < lines.Len(); j++ {
			tbl.AppendChild(tbl, tableRow(lines.At(j), src, aligns, false))
		}
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

// tableDelimiter returns the column alignments of a delimiter row
// ("|:--|--:|"), nil when line is not one.
func tableDelimiter(line []byte) []east.Alignment {
	if w, _ := util.IndentWidth(line, 0); w > 3 {
		return nil
	}
	allDash := true
	for _, c := range line {
		if c != '-' {
			allDash = false
		}
		if !util.IsSpace(c) && c != '-' && c != '|' && c != ':' {
			return nil
		}
	}
	if allDash {
		return nil
	}
	cols := bytes.Split(line, []byte{'|'})
	if util.IsBlank(cols[0]) {
		cols = cols[1:]
	}
	if len(cols) > 0 && util.IsBlank(cols[len(cols)-1]) {
		cols = cols[:len(cols)-1]
	}
	aligns := make([]east.Alignment, 0, len(cols))
	for _, col := range cols {
		a, ok := delimiterCell(col)
		if !ok {
			return nil
		}
		aligns = append(aligns, a)
	}
	return aligns
}

// delimiterCell reads one delimiter cell, `\s*:?-+:?\s*` (goldmark's four
// regular expressions; \s is [\t\n\f\r ]).
func delimiterCell(col []byte) (east.Alignment, bool) {
	col = bytes.Trim(col, "\t\n\f\r ")
	left, right := bytes.HasPrefix(col, []byte(":")), len(col) > 1 && bytes.HasSuffix(col, []byte(":"))
	if left {
		col = col[1:]
	}
	if right {
		col = col[:len(col)-1]
	}
	if len(col) == 0 || len(bytes.Trim(col, "-")) != 0 {
		return east.AlignNone, false
	}
	switch {
	case left && right:
		return east.AlignCenter, true
	case left:
		return east.AlignLeft, true
	case right:
		return east.AlignRight, true
	}
	return east.AlignNone, true
}

// tableRow splits a row on unescaped pipes. Body rows keep at most one cell
// per column and are not padded. The header keeps all its cells, so that a
// longer header is rejected, and is padded like goldmark does: a short
// header makes a table (beta/api/reports-getgrouparchivedprintjobs.md:42).
func tableRow(seg text.Segment, src []byte, aligns []east.Alignment, header bool) *east.TableRow {
	npos := seg
	seg = seg.TrimLeftSpace(src)
	seg = seg.TrimRightSpace(src)
	line := seg.Value(src)
	row := east.NewTableRow(aligns)
	row.SetPos(npos.Start)
	pos, limit := 0, len(line)
	if limit > 0 && line[0] == '|' {
		pos++
	}
	if limit > 0 && line[limit-1] == '|' {
		limit--
	}
	for i := 0; pos < limit; i++ {
		if i >= len(aligns) && !header {
			break
		}
		cell := east.NewTableCell()
		if i < len(aligns) {
			cell.Alignment = aligns[i]
		}
		cell.SetPos(npos.Start + pos - npos.Padding)
		end := pos
		for end < limit && (line[end] != '|' || end > 0 && line[end-1] == '\\') {
			end++
		}
		cs := text.NewSegment(seg.Start+pos, seg.Start+end)
		cs = cs.TrimLeftSpace(src)
		cs = cs.TrimRightSpace(src)
		cell.Lines().Append(cs)
		row.AppendChild(row, cell)
		pos = end + 1
	}
	for i := row.ChildCount(); header && i < len(aligns); i++ {
		row.AppendChild(row, east.NewTableCell()) // goldmark accepts a short header, padded
	}
	return row
}

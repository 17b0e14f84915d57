package parser

import (
	"slices"
	"strings"

	"github.com/docs2go/docs2go/parser/ir"
)

// appendProperties appends the properties of the rows of a property or
// parameter table to dst; what names the table in diagnostics ("property
// table", "request body table"). dst grows once per table, and only when a
// row is kept, so that a table without properties leaves a nil dst nil.
func (p *pageParser) appendProperties(dst []ir.Property, tb *table, what string) []ir.Property {
	nameCol, typeCol := 0, tb.col("type")
	descCol := tb.col("description")
	reqCol := -1
	for i, h := range tb.header {
		if i > 0 && strings.HasPrefix(h, "required") {
			reqCol = i
		}
	}
	rows := p.checkedRows(tb, what)
	start := len(dst)
	seen := make(map[string]bool, len(rows))
	for i, r := range rows {
		pr := p.property(r, nameCol, typeCol, descCol, reqCol)
		if pr.Name == "" {
			continue
		}
		if seen[pr.Name] {
			p.diags.Warnf(pr.Pos, ir.CodeDuplicateProperty, "%s: duplicate row %q, the first one is kept", what, pr.Name)
			continue
		}
		seen[pr.Name] = true
		if len(dst) == start {
			dst = slices.Grow(dst, len(rows)-i)
		}
		dst = append(dst, pr)
	}
	return dst
}

// property reads one row.
func (p *pageParser) property(r row, nameCol, typeCol, descCol, reqCol int) ir.Property {
	pos := p.pos(r.pos)
	rawDesc := r.cell(descCol)
	pr := ir.Property{
		RawName:     r.cell(nameCol),
		Name:        cleanName(r.cell(nameCol)),
		Type:        parseTypeRef(r.cell(typeCol), pos, p.page.Links),
		Description: plainText(rawDesc),
		Pos:         pos,
	}
	if pr.Type.Link == "" && hasRefLink(pr.Type.Raw) {
		p.diags.Warnf(pos, ir.CodeUnresolvedReference, "type: no link definition for %q", pr.Type.Raw)
	}
	pr.ReadOnly = statesReadOnly(pr.Description)
	if base, ok := inheritedFrom(rawDesc); ok {
		pr.Inherited = strings.Trim(base, "`*. ")
	}
	pr.Required = isYes(plainText(r.cell(reqCol))) || statesRequired(pr.Description, p.describesCreate())
	return pr
}

// describesCreate reports whether the table being read describes what a
// create request sends: a resource page's table (its type is the body of
// its create endpoint) or the body table of a page with a POST request line.
func (p *pageParser) describesCreate() bool {
	op := p.page.Operation
	if op == nil {
		return true
	}
	for _, ps := range op.Paths {
		if ps.Method == "POST" {
			return true
		}
	}
	return false
}

// isYes reads a Required column cell (yes 18, y 6, ✓ 2 in the corpus).
func isYes(s string) bool {
	s = strings.ToLower(strings.TrimSpace(s))
	return oneOf(s, "yes", "y", "true", "✓", "✔", "x", "required")
}

// checkedRows returns the rows of tb, reporting rows whose cell count
// differs from the header: an unescaped `|` (37 rows lose text) or a raw
// newline inside a cell, whose second line becomes a bogus row (31 rows,
// beta/resources/intune-deviceconfig-deliveryoptimizationbandwidthpercentage.md:27).
// Bogus rows (one cell with prose) are dropped; TODO placeholders are
// reported. The rows returned are valid until the next call.
func (p *pageParser) checkedRows(tb *table, what string) []row {
	out := slices.Grow(p.scr.kept[:0], len(tb.rows))
	for _, r := range tb.rows {
		pos := p.pos(r.pos)
		if r.raw != len(tb.header) {
			if r.raw <= 1 && len(tb.header) > 1 { // a real row always has a name and a second cell
				p.diags.Warnf(pos, ir.CodeTableCellCount, "%s: row has 1 cell, header has %d; skipped as a continuation line", what, len(tb.header))
				continue
			}
			p.diags.Warnf(pos, ir.CodeTableCellCount, "%s: row has %d cells, header has %d", what, r.raw, len(tb.header))
		}
		for i, c := range r.cells {
			if isTODO(c) {
				p.diags.Warnf(pos, ir.CodeTodoPlaceholder, "%s: %s cell is a TODO placeholder", what, headerName(tb, i))
			}
		}
		out = append(out, r)
	}
	p.scr.kept = out
	return out
}

func headerName(tb *table, i int) string {
	if i < len(tb.header) && tb.header[i] != "" {
		h, _, _ := strings.Cut(tb.header[i], " (") // "permissions (from least to most privileged)"
		return h
	}
	return "empty"
}

// The two description phrases below were (?i) regexps without a literal
// prefix, so the backtracking matcher started at every byte of every
// description (ParseCorpus profile). Their letters have no case folding
// outside ASCII except as noted, so byte comparisons are exact;
// TestDescriptionPhrasesRegexp checks both against the regexps.

// hasReadOnly reports whether s says "read-only", "read only" or
// "readonly" as whole words, as `(?i)\bread[- ]?only\b` does.
func hasReadOnly(s string) bool {
	i, _ := readOnlyAt(s, 0)
	return i >= 0
}

// readOnlyAt returns the bounds of the first "read-only", "read only" or
// "readonly" (whole words, any case) in s at or after from; -1, -1 when
// there is none.
func readOnlyAt(s string, from int) (start, end int) {
	for i := from; i+len("readonly") <= len(s); i++ {
		if !foldAt(s, i, "read") || i > 0 && isWordByte(s[i-1]) {
			continue
		}
		j := i + len("read")
		if s[j] == '-' || s[j] == ' ' {
			j++ // [- ]? is greedy, and without it "only" cannot follow
		}
		if foldAt(s, j, "only") && (j+4 == len(s) || !isWordByte(s[j+4])) {
			return i, j + 4
		}
	}
	return -1, -1
}

// inheritedFrom returns the type of the first "inherited from [x]" or
// "inherited from `x`" in s: the two groups of
// (?i)inherited\s+from\s+(?:\[([^\]]+)\]|`?([A-Za-z][\w.]*)), joined.
func inheritedFrom(s string) (string, bool) {
	noClose := len(s) // no "]" at or after it: later "[" alternatives fail at once
	for i := 0; i+len("inherited") <= len(s); i++ {
		if !foldAt(s, i, "inherited") {
			continue
		}
		j := skipSpace(s, i+len("inherited"))
		if j == i+len("inherited") || !foldAt(s, j, "from") {
			continue
		}
		k := skipSpace(s, j+len("from"))
		if k == j+len("from") {
			continue
		}
		if k < len(s) && s[k] == '[' {
			if k >= noClose {
				continue
			}
			e := strings.IndexByte(s[k+1:], ']')
			if e > 0 {
				return s[k+1 : k+1+e], true
			}
			if e < 0 {
				noClose = k // scanning to the end for each "[" would be quadratic
			}
			continue
		}
		if name, ok := inheritedName(s, k); ok {
			return name, true
		}
	}
	return "", false
}

// inheritedName matches the name after "inherited from " at k when it is
// not bracketed: an identifier after an optional backtick.
func inheritedName(s string, k int) (string, bool) {
	if k < len(s) && s[k] == '`' {
		k++
	}
	n := foldLetter(s, k)
	if n == 0 {
		return "", false
	}
	e := k + n
	for e < len(s) {
		if c := s[e]; c == '.' || c == '_' || isDigit(c) {
			e++
		} else if n := foldLetter(s, e); n > 0 {
			e += n
		} else {
			break
		}
	}
	return s[k:e], true
}

// foldLetter returns the length of the letter at s[i] as (?i)[A-Za-z]
// matches it, 0 for none: an ASCII letter, or the two runes whose case
// folding reaches k and s, the Kelvin sign and the long s.
func foldLetter(s string, i int) int {
	switch {
	case i >= len(s):
		return 0
	case 'a' <= s[i]|0x20 && s[i]|0x20 <= 'z':
		return 1
	case strings.HasPrefix(s[i:], "\u212a"): // K
		return len("\u212a")
	case strings.HasPrefix(s[i:], "\u017f"): // ſ
		return len("\u017f")
	}
	return 0
}

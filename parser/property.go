package parser

import (
	"regexp"
	"strings"

	"github.com/docs2go/docs2go/parser/ir"
)

var (
	inheritedRe = regexp.MustCompile(`(?i)inherited\s+from\s+(?:\[([^\]]+)\]|` + "`?" + `([A-Za-z][\w.]*))`)
	readOnlyRe  = regexp.MustCompile(`(?i)\bread[- ]?only\b`)
)

// properties reads the rows of a property or parameter table; what names
// the table in diagnostics ("property table", "request body table").
func (p *pageParser) properties(tb *table, what string) []ir.Property {
	nameCol, typeCol := 0, tb.col("type")
	descCol := tb.col("description")
	reqCol := -1
	for i, h := range tb.header {
		if i > 0 && strings.HasPrefix(h, "required") {
			reqCol = i
		}
	}
	var out []ir.Property
	seen := map[string]bool{}
	for _, r := range p.checkedRows(tb, what) {
		pr := p.property(r, nameCol, typeCol, descCol, reqCol)
		if pr.Name == "" {
			continue
		}
		if seen[pr.Name] {
			p.diags.Warnf(pr.Pos, "duplicate-property", "%s: duplicate row %q, the first one is kept", what, pr.Name)
			continue
		}
		seen[pr.Name] = true
		out = append(out, pr)
	}
	return out
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
	if pr.Type.Link == "" && strings.Contains(pr.Type.Raw, "][") && refLinkRe.MatchString(pr.Type.Raw) {
		p.diags.Warnf(pos, "unresolved-reference", "type: no link definition for %q", pr.Type.Raw)
	}
	// containsFold filters first: the (?i) regexps have no literal
	// prefix to skip to and backtrack over every description.
	pr.ReadOnly = containsFold(pr.Description, "only") && readOnlyRe.MatchString(pr.Description)
	if containsFold(rawDesc, "inherited") {
		if m := inheritedRe.FindStringSubmatch(rawDesc); m != nil {
			pr.Inherited = strings.Trim(m[1]+m[2], "`*. ")
		}
	}
	pr.Required = isYes(plainText(r.cell(reqCol))) || hasPrefixFold(pr.Description, "required")
	return pr
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
// reported.
func (p *pageParser) checkedRows(tb *table, what string) []row {
	out := make([]row, 0, len(tb.rows))
	for _, r := range tb.rows {
		pos := p.pos(r.pos)
		if r.raw != len(tb.header) {
			if r.raw <= 1 && len(tb.header) > 1 { // a real row always has a name and a second cell
				p.diags.Warnf(pos, "table-cell-count", "%s: row has 1 cell, header has %d; skipped as a continuation line", what, len(tb.header))
				continue
			}
			p.diags.Warnf(pos, "table-cell-count", "%s: row has %d cells, header has %d", what, r.raw, len(tb.header))
		}
		for i, c := range r.cells {
			if isTODO(c) {
				p.diags.Warnf(pos, "todo-placeholder", "%s: %s cell is a TODO placeholder", what, headerName(tb, i))
			}
		}
		out = append(out, r)
	}
	return out
}

func headerName(tb *table, i int) string {
	if i < len(tb.header) && tb.header[i] != "" {
		h, _, _ := strings.Cut(tb.header[i], " (") // "permissions (from least to most privileged)"
		return h
	}
	return "empty"
}

package parser

import (
	"slices"
	"strings"

	"github.com/docs2go/docs2go/parser/ir"
)

// The parameter sections of an API page outside the request body:
// "Function parameters" and "Path parameters" tables give a function's
// arguments, "Query parameters" / "Optional query parameters" tables the
// page's own query string parameters, and the prose (or a table's name
// cells) the OData system options the page supports.

// parameterTable reads a table of a parameters section. Tables without a
// Type column ("Name | Value | Description") still name OData options.
func (p *pageParser) parameterTable(tb *table) {
	op := p.op()
	for _, r := range tb.rows {
		p.odataOptions(r.cell(0))
	}
	if tb.col("type") <= 0 {
		return
	}
	s, _ := p.secs.find(secParameters)
	var rows []ir.Property
	for _, pr := range p.appendProperties(nil, tb, "parameter table") {
		if !strings.HasPrefix(pr.Name, "$") { // an OData option row, not a parameter of the page's own
			rows = append(rows, pr)
		}
	}
	if containsFold(s.text, "query") {
		op.QueryParams = append(op.QueryParams, rows...)
	} else {
		op.FunctionParams = append(op.FunctionParams, rows...)
	}
}

// odataSystemOptions are the OData system query options a page may name.
var odataSystemOptions = []string{"$select", "$filter", "$expand", "$orderby", "$top", "$skip", "$count",
	"$search", "$skiptoken", "$deltatoken", "$format"}

// odataOptions records the OData system options raw names as supported; a
// sentence saying an option is not supported names none.
func (p *pageParser) odataOptions(raw string) {
	if !strings.Contains(raw, "$") {
		return
	}
	op := p.op()
	for sentence := range strings.SplitSeq(raw, ". ") {
		if containsFold(sentence, "not support") || containsFold(sentence, "not supported") {
			continue
		}
		low := strings.ToLower(sentence)
		for _, o := range odataSystemOptions {
			if i := strings.Index(low, o); i >= 0 && (i+len(o) == len(low) || !isWordByte(low[i+len(o)])) &&
				!slices.Contains(op.ODataOptions, o) {
				op.ODataOptions = append(op.ODataOptions, o)
			}
		}
	}
}

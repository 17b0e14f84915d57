package parser

import (
	"regexp"
	"slices"
	"strings"

	"github.com/docs2go/docs2go/parser/ir"
	gast "github.com/yuin/goldmark/ast"
)

// permissions reads the permissions table: "Permission type|Permissions
// (...)" (2020), or "Permission type|Least privileged permissions|Higher
// privileged permissions" (2023+), whose scopes are both columns.
func (p *pageParser) permissions(tb *table) {
	op := p.op()
	cols := []int{1}
	if least := tb.col("least privileged"); least > 0 {
		cols = []int{least}
		if higher := tb.col("higher privileged"); higher > 0 {
			cols = append(cols, higher)
		}
	}
	for _, r := range p.checkedRows(tb, "permissions table") {
		perm := ir.Permission{Type: plainText(r.cell(0)), Pos: p.pos(r.pos)}
		var raws []string
		for i, c := range cols {
			raw := r.cell(c)
			raws = append(raws, raw)
			for _, s := range scopes(raw) {
				if i == 0 || !slices.Contains(perm.Scopes, s) { // a scope in both columns counts once
					perm.Scopes = append(perm.Scopes, s)
				}
			}
		}
		perm.Raw = strings.Join(raws, " | ")
		op.Permissions = append(op.Permissions, perm)
	}
}

// includeRe matches a DocFX include, "[!INCLUDE [label](path)]".
var includeRe = regexp.MustCompile(`(?i)\[!INCLUDE\s*\[([^\]]*)\]\(\s*<?([^)\s>]+)>?\s*\)\s*\]`)

// permissionIncludes records the includes of a Permissions section paragraph:
// 2023+ pages write only `[!INCLUDE [permissions-table](../includes/permissions/x.md)]`.
func (p *pageParser) permissionIncludes(n gast.Node) {
	lines := n.Lines()
	for i := 0; i < lines.Len(); i++ {
		seg := lines.At(i)
		line := p.value(seg)
		for _, m := range includeRe.FindAllStringSubmatchIndex(line, -1) {
			op := p.op()
			op.PermissionIncludes = append(op.PermissionIncludes, ir.LinkDef{
				Label:       strings.ToLower(strings.TrimSpace(line[m[2]:m[3]])),
				Destination: line[m[4]:m[5]],
				Pos:         p.pos(seg.Start + m[0]),
			})
		}
	}
}

// scopes splits a permissions cell on commas; "Not supported." and TODO
// placeholders give none.
func scopes(raw string) []string {
	if isTODO(raw) {
		return nil
	}
	var out []string
	for s := range strings.SplitSeq(plainText(raw), ",") {
		s = strings.Trim(strings.TrimSpace(s), ".")
		if s == "" || hasPrefixFold(s, "not supported") || hasPrefixFold(s, "none") {
			continue
		}
		out = append(out, s)
	}
	return out
}

// headers reads the request headers table (Name|Description, Header|Value,
// or Name|Type|Description).
func (p *pageParser) headers(tb *table) {
	op := p.op()
	desc := tb.col("description", "value")
	if desc < 0 {
		desc = len(tb.header) - 1
	}
	for _, r := range p.checkedRows(tb, "request headers table") {
		d := r.cell(desc)
		for i := len(r.cells) - 1; d == "" && i > 0; i-- {
			d = r.cell(i) // short row: "| Content-type | application/json. Required. |" in a 3-column table
		}
		h := ir.HeaderSpec{Name: plainText(r.cell(0)), Description: plainText(d), Pos: p.pos(r.pos)}
		low := strings.ToLower(h.Description)
		h.Required = strings.Contains(low, "required") && !strings.Contains(low, "not required")
		op.Headers = append(op.Headers, h)
	}
}

// body returns the Request body section, creating it at the section heading.
func (p *pageParser) body() *ir.BodySpec {
	op := p.op()
	if op.Body == nil {
		s, _ := p.secs.find(secBody)
		op.Body = &ir.BodySpec{Pos: p.pos(s.pos)}
	}
	return op.Body
}

// response returns the Response section, creating it at the heading.
func (p *pageParser) response() *ir.ResponseSpec {
	op := p.op()
	if op.Response == nil {
		s, _ := p.secs.find(secResponse)
		op.Response = &ir.ResponseSpec{Pos: p.pos(s.pos)}
	}
	return op.Response
}

// bodyProse takes the body type from the first type link of the Request
// body prose ("supply a JSON representation of [x](../resources/x.md)").
func (p *pageParser) bodyProse(raw string, off int) {
	b := p.body()
	if b.Type == nil {
		b.Type = p.typeLink(raw, off)
	}
}

// responseProse takes the first 2xx status and the first type link of the
// Response prose.
func (p *pageParser) responseProse(raw string, off int) {
	r := p.response()
	if r.Status == 0 {
		r.Status = successStatus(raw)
	}
	if r.Type == nil {
		r.Type = p.typeLink(raw, off)
	}
	for _, st := range namedStatuses(raw) {
		if !slices.Contains(r.Statuses, st) {
			r.Statuses = append(r.Statuses, st)
		}
	}
	r.Collection = r.Collection || containsFold(raw, "collection")
}

// namedStatuses returns the 2xx and 3xx statuses s names as words
// ("`200 OK`", "302 Found"), document order.
func namedStatuses(s string) []int {
	var out []int
	for i := 0; i+3 <= len(s); i++ {
		if (s[i] == '2' || s[i] == '3') && s[i+1] == '0' && isDigit(s[i+2]) &&
			(i == 0 || !isWordByte(s[i-1])) && (i+3 == len(s) || !isWordByte(s[i+3])) {
			out = append(out, int(s[i]-'0')*100+int(s[i+2]-'0'))
		}
	}
	return out
}

// successStatus returns the first success status the Response prose names
// ("returns a `201 Created` response code"), 0 for none: the first
// `\b(20[0-9])\b` (TestSuccessStatusRegexp), scanned for by hand as the
// regexp backtracked from every byte of the prose.
func successStatus(s string) int {
	for i := 0; i+3 <= len(s); i++ {
		if s[i] == '2' && s[i+1] == '0' && isDigit(s[i+2]) &&
			(i == 0 || !isWordByte(s[i-1])) && (i+3 == len(s) || !isWordByte(s[i+3])) {
			return 200 + int(s[i+2]-'0')
		}
	}
	return 0
}

// typeLink returns the first link of raw that points at a type page, or nil.
func (p *pageParser) typeLink(raw string, off int) *ir.TypeRef {
	for _, l := range findLinks(raw) {
		dest := l.Dest
		if l.Ref {
			dest = resolveRef(l.Dest, p.page.Links)
		}
		if !isTypeLink(dest) {
			continue
		}
		i := strings.Index(raw, "["+l.Text+"]")
		before := strings.ToLower(raw[max(0, i-30):max(0, i)])
		return &ir.TypeRef{
			Raw:        raw[max(0, i):min(len(raw), max(0, i)+len(l.Text)+len(l.Dest)+4)],
			Name:       plainText(l.Text),
			Link:       dest,
			Collection: strings.Contains(before, "collection"),
			Pos:        p.pos(off + max(0, i)),
		}
	}
	return nil
}

// isTypeLink reports whether a link destination names a resource or enum
// page rather than a concept page or a site.
func isTypeLink(dest string) bool {
	d := strings.ToLower(dest)
	if d == "" || strings.Contains(d, "concepts/") || strings.Contains(d, "/api/") && !strings.Contains(d, "/resources/") ||
		strings.HasPrefix(d, "http") || strings.HasPrefix(d, "#tab/") {
		return false
	}
	return strings.Contains(d, "resources/") || strings.HasSuffix(strings.SplitN(d, "#", 2)[0], ".md") || strings.HasPrefix(d, "#")
}

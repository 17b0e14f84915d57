package parser

import (
	"strings"

	"github.com/docs2go/docs2go/parser/ir"
	gast "github.com/yuin/goldmark/ast"
)

// resource returns the resource the page is defining, creating it at the
// title. Name and namespace are settled in finish.
func (p *pageParser) resource() *ir.Resource {
	if p.res == nil {
		p.res = &ir.Resource{Pos: p.page.TitlePos}
		p.page.Resources = append(p.page.Resources, p.res)
	}
	return p.res
}

// resourceAnnotation applies a `blockType: resource` annotation. A second
// annotation naming another type starts a new resource (pages that define
// several types, one table each).
//
// The type is the annotation's "@odata.type", else its "@type" (beta
// systemFacet.md writes "@type": "microsoft.graph.systemFacet").
func (p *pageParser) resourceAnnotation(a *ir.Annotation, members []jsonMember) {
	odataType := a.ODataType
	if odataType == "" {
		odataType = annotationString(members, "@type")
	}
	if p.resAnnotated && p.res != nil && !strings.EqualFold(qualifiedOf(p.res), odataType) {
		p.res = nil
	}
	r := p.resource()
	p.resAnnotated = true
	r.Pos = a.Pos
	if odataType != "" {
		r.Namespace, r.Name = ir.SplitQualified(odataType)
	}
	if a.BaseType != "" && r.BaseType == nil {
		r.BaseType = &ir.TypeRef{Raw: a.BaseType, Name: a.BaseType, Pos: a.Pos}
	}
	r.Abstract = r.Abstract || a.Abstract
	r.OpenType = r.OpenType || a.OpenType
	r.KeyProperty = a.KeyProperty
}

func qualifiedOf(r *ir.Resource) string {
	if r.Name == "" {
		return ""
	}
	return r.Namespace + "." + r.Name
}

// jsonRepresentation keeps the JSON representation block of the resource.
func (p *pageParser) jsonRepresentation(n *gast.FencedCodeBlock, lines []fenceLine) {
	r := p.resource()
	if r.JSON != nil {
		return
	}
	r.JSON = bodyBlock(lines, p.text, p.li.pos)
}

// isEnumPage reports whether the page defines enumerations.
func (p *pageParser) isEnumPage() bool {
	return kindFromDocType(p.fm.get("doc_type")) == ir.PageEnum ||
		strings.HasSuffix(strings.ToLower(p.page.Title), " enum type")
}

// enumTable reads a members table: `## Members` (Member|Value|Description,
// intune), `### x values` (hand, often a single `| Member` column), or an
// inline "x values" table in a resource page.
func (p *pageParser) enumTable(tb *table) {
	name, pos := p.enumName(), p.pos(tb.pos)
	if s, ok := p.secs.find(secValues); ok {
		pos = p.pos(s.pos)
	}
	e := &ir.Enum{Name: name, Pos: pos}
	valCol := tb.col("value")
	if valCol == 0 {
		valCol = -1 // Value|Description: the first column holds the names
	}
	descCol := tb.col("description")
	for _, r := range p.checkedRows(tb, "members table") {
		m := ir.EnumMember{Name: cleanName(r.cell(0)), Value: plainText(r.cell(valCol)),
			Description: plainText(r.cell(descCol)), Pos: p.pos(r.pos)}
		if m.Name != "" {
			e.Members = append(e.Members, m)
		}
	}
	p.page.Enums = append(p.page.Enums, e)
}

// enumName names an enum from its "x values" heading, else from the title
// ("androidDeviceOwnerEnrollmentMode enum type"), when that leaves one word.
func (p *pageParser) enumName() string {
	if s, ok := p.secs.find(secValues); ok {
		return titleTypeName(s.text)
	}
	return titleTypeName(p.page.Title)
}

// titleTypeName is the type a title names, "" when what is left after the
// kind words is not one word (a sentence such as "Use the Microsoft Graph
// API to work with Microsoft Teams" names no type).
func titleTypeName(title string) string {
	if t := typeNameOf(title); !strings.ContainsAny(t, " \t") {
		return t
	}
	return ""
}

// annotationString returns the string value of an annotation key, "" when
// it is absent or not a string.
func annotationString(members []jsonMember, key string) string {
	for _, m := range members {
		if s, ok := m.Value.(string); ok && m.Key == key {
			return strings.TrimPrefix(strings.TrimSpace(s), "#")
		}
	}
	return ""
}

// typeNameOf strips the kind words from a heading or title.
func typeNameOf(title string) string {
	t := strings.TrimSpace(title)
	for _, sfx := range []string{" enum type", " enumeration type", " enum values", " values", " enum",
		" resource type", " complex type", " entity type", " resource", " type", " object"} {
		if len(t) > len(sfx) && strings.EqualFold(t[len(t)-len(sfx):], sfx) {
			t = t[:len(t)-len(sfx)]
			break
		}
	}
	t = strings.Trim(t, "` *")
	if strings.ContainsAny(t, " ") {
		return t // a sentence, not a type name; kept so the linker can report it
	}
	return t
}

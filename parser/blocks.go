package parser

import (
	"regexp"
	"strings"

	"github.com/docs2go/docs2go/parser/ir"

	gast "github.com/yuin/goldmark/ast"
)

// table routes a table by its shape and the open section.
func (p *pageParser) table(n *tableBlock) {
	tb := readTable(n, p.mdTxt, p.scr)
	shape := tb.shape()
	inEx := p.secs.in(secExamples)
	switch {
	case shape == shapePermission:
		p.permissions(tb)
	case inEx:
		return
	case p.secs.in(secHeaders) && len(tb.header) >= 2:
		p.headers(tb)
	case shape == shapeHeader && tb.header[0] == "header" && !p.secs.in(secResponse):
		p.headers(tb)
	case shape == shapeProperty && p.secs.in(secBody):
		b := p.body()
		if len(b.Properties) == 0 {
			b.TablePos = p.pos(tb.pos)
		}
		b.Properties = p.appendProperties(b.Properties, tb, "request body table")
	case p.secs.in(secParameters) && p.page.Operation != nil && len(tb.header) >= 2:
		p.parameterTable(tb)
	case p.secs.in(secValues) || p.secs.in(secMembers) && shape != shapeProperty:
		p.enumTable(tb)
	case shape == shapeProperty && p.secs.in(secProperties):
		r := p.resource()
		r.Properties = p.appendProperties(r.Properties, tb, "property table")
	case shape == shapeProperty && p.secs.in(secRelationships):
		// navigation properties: lint accepts them in bodies (deep insert)
		r := p.resource()
		r.Relationships = p.appendProperties(r.Relationships, tb, "relationship table")
	case shape == shapeEnum && p.isEnumPage():
		p.enumTable(tb)
	}
}

// namespaceRe matches the "Namespace: microsoft.graph" line under the title.
var namespaceRe = regexp.MustCompile("^(?i)namespace:\\s*`?([A-Za-z][\\w.]*)")

// matchNamespace is namespaceRe.FindStringSubmatch(t), run only when t
// starts with an "n" (no other rune folds to it): the regexp ran on every
// intro paragraph.
func matchNamespace(t string) []string {
	if t == "" || t[0]|0x20 != 'n' {
		return nil
	}
	return namespaceRe.FindStringSubmatch(t)
}

// baseRe finds the base type sentence of a resource page.
var baseRe = regexp.MustCompile(`(?i)(?:inherits\s+from|derived\s+from|derives\s+from)\s+(?:the\s+)?(?:abstract\s+)?\[`)

// paragraph reads prose: the Namespace line, the description, "Inherits
// from", Request body and Response prose, and tables goldmark dropped.
func (p *pageParser) paragraph(n *gast.Paragraph) {
	raw := p.rawLines(n)
	if linkDefsOnly(raw) {
		return // read by scanLinkDefs; goldmark keeps them as paragraphs (goldmark.go)
	}
	off := n.Pos()
	if n.Lines().Len() > 0 {
		off = n.Lines().At(0).Start
	}
	p.checkHiddenTable(raw, off)
	if p.secs.in(secExamples) {
		return
	}
	top := n.Parent() != nil && n.Parent().Kind() == gast.KindDocument
	switch {
	case top && len(p.secs) == 0: // beta/resources/enums.md has no H1
		if p.intro(raw) || p.introLead(n, raw) {
			p.descPara = n
		}
	case p.secs.in(secBody):
		p.bodyProse(raw, off)
	case p.secs.in(secResponse):
		p.responseProse(raw, off)
	case p.secs.in(secParameters) && p.page.Operation != nil:
		p.odataOptions(raw)
	case p.secs.in(secPermissions) && containsFold(raw, "!include"):
		p.permissionIncludes(n)
	}
	if p.page.Operation == nil && mayNameBase(raw) {
		loc := baseRe.FindStringIndex(raw)
		if loc == nil {
			return
		}
		if tr := p.typeLink(raw[loc[1]-1:], off+loc[1]-1); tr != nil && p.resource().BaseType == nil {
			p.resource().BaseType = tr
		}
	}
}

// listItemText reads the text of a tight list's item (goldmark makes it a
// text block, not a paragraph) where a section reads its list items as
// prose: the Response section may list the outcomes, one status each
// ("The response will be one of the following:" then "- If a [x] exists,
// a successful request returns a `200 OK` response code." and "- If ...
// does not exist, ... `201 Created` ..."). Only an item that speaks of
// success counts: the others give the status of a failure ("If an error
// occurred while following any of the specified sites, this method
// returns a `207` status code", beta/api/site-follow.md).
func (p *pageParser) listItemText(n *gast.TextBlock) {
	if !p.secs.in(secResponse) || p.secs.in(secExamples) || n.Lines().Len() == 0 {
		return
	}
	raw := p.rawLines(n)
	if !strings.Contains(strings.ToLower(raw), "success") {
		return
	}
	p.responseProse(raw, n.Lines().At(0).Start)
}

// mayNameBase is a cheap filter before baseRe, which has no literal prefix
// and ran on every paragraph: its three phrases contain "inherit" or
// "derive" (letters without k and s, see containsFold).
func mayNameBase(s string) bool {
	return containsFold(s, "inherit") || containsFold(s, "derive")
}

// intro reads the paragraphs between the title and the first section;
// it reports whether raw became the page description. A paragraph that
// opens with the base type sentence ("Inherits from [entity](entity.md).")
// is not the description; one that says something first is, base sentence
// included (v1.0/resources/directoryrole.md, user.md).
func (p *pageParser) intro(raw string) bool {
	t := strings.TrimSpace(raw)
	if m := matchNamespace(t); m != nil {
		if p.page.Namespace == "" {
			p.page.Namespace = strings.TrimSuffix(m[1], ".")
		}
		return false
	}
	if p.page.Description != "" || strings.HasPrefix(t, "[!") || opensWithBase(t) {
		return false
	}
	p.page.Description = plainText(t)
	return true
}

// introLead adds to the description a paragraph that follows it and leads
// into a list with a colon ("This resource supports:" in
// v1.0/resources/user.md), as a second paragraph ("\n\n"); the list is
// added by descriptionList.
func (p *pageParser) introLead(n *gast.Paragraph, raw string) bool {
	if p.descPara == nil || n.PreviousSibling() != p.descPara || !strings.HasSuffix(strings.TrimSpace(raw), ":") {
		return false
	}
	if _, ok := n.NextSibling().(*gast.List); !ok {
		return false
	}
	p.page.Description += "\n\n" + plainText(strings.TrimSpace(raw))
	return true
}

// opensWithBase reports a paragraph whose first sentence names the base
// type ("Inherits from [entity].", "This resource inherits from ..."): it
// describes nothing. A description that ends with that sentence
// ("Represents an Azure AD user account. Inherits from
// [directoryObject](directoryobject.md).", v1.0 user.md) is kept whole.
func opensWithBase(t string) bool {
	if !mayNameBase(t) {
		return false
	}
	loc := baseRe.FindStringIndex(t)
	return loc != nil && !strings.Contains(t[:loc[0]], ". ")
}

// descriptionList adds the items of a list that follows the description
// paragraph when that paragraph ends in a colon ("This resource
// supports:"), one "\n- item" line each, so that the description does not
// end in a dangling colon. Only the first block of each item is kept.
func (p *pageParser) descriptionList(n *gast.List) {
	if p.descPara == nil || n.PreviousSibling() != p.descPara || !strings.HasSuffix(p.page.Description, ":") {
		return
	}
	var b strings.Builder
	b.WriteString(p.page.Description)
	for it := n.FirstChild(); it != nil; it = it.NextSibling() {
		first := it.FirstChild()
		if first == nil || first.Lines().Len() == 0 {
			continue
		}
		if item := plainText(p.rawLines(first)); item != "" {
			b.WriteString("\n- ")
			b.WriteString(item)
		}
	}
	p.page.Description = b.String()
	p.descPara = nil
}

// checkHiddenTable reports a table goldmark dropped because its delimiter
// row has fewer cells than the header (beta/resources/printercapabilities.md:50).
func (p *pageParser) checkHiddenTable(raw string, off int) {
	if !strings.HasPrefix(raw, "|") {
		return
	}
	lines := strings.SplitN(raw, "\n", 3)
	if len(lines) < 2 || !isDelimiterRow(lines[1]) {
		return
	}
	p.diags.Warnf(p.pos(off), ir.CodeTableDelimiter, "table: delimiter row has %d cells, header has %d; the table is lost",
		countCells(lines[1], 0), countCells(lines[0], 0))
}

func isDelimiterRow(s string) bool {
	s = strings.TrimSpace(s)
	return strings.Contains(s, "-") && strings.Trim(s, "|:- \t") == ""
}

// linkDefsOnly reports whether every line of a paragraph is a reference
// link definition, "[x]: ../resources/x.md".
func linkDefsOnly(raw string) bool {
	for l := range strings.SplitSeq(raw, "\n") {
		if !mayBeLinkDef(l) || !linkDefRe.MatchString(l) {
			return false
		}
	}
	return true
}

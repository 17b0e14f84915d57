package parser

import (
	"slices"
	"strings"

	"github.com/docs2go/docs2go/parser/ir"
)

// kindFromDocType maps doc_type values, including the misspellings
// "resourcePageType_" (7 pages) and "enumTypes" (2), to a page kind.
func kindFromDocType(dt string) ir.PageKind {
	d := strings.ToLower(strings.TrimSpace(dt))
	switch {
	case strings.HasPrefix(d, "apipagetype"):
		return ir.PageAPI
	case strings.HasPrefix(d, "resourcepagetype"):
		return ir.PageResource
	case strings.HasPrefix(d, "enumpagetype"), strings.HasPrefix(d, "enumtype"):
		return ir.PageEnum
	case strings.HasPrefix(d, "conceptual"):
		return ir.PageConceptual
	}
	return ""
}

// finish settles the page kind and the defaults that need the whole page.
func (p *pageParser) finish() {
	pg := p.page
	pg.Kind = kindFromDocType(p.fm.get("doc_type"))
	if pg.Kind == "" {
		pg.Kind = p.kindFromStructure()
	}
	if op := pg.Operation; op != nil {
		if len(op.Paths) > 0 {
			op.Method = op.Paths[0].Method
			for _, ps := range op.Paths {
				if ps.Method == "POST" {
					op.Method = "POST" // PATCH+POST pages: the create path wins
					break
				}
			}
		}
		if pg.Kind != ir.PageAPI && len(op.Paths) == 0 && op.Body == nil && op.Response == nil && len(op.Permissions) == 0 {
			pg.Operation = nil // examples on a resource page are illustrations
		}
	}
	if pg.Kind == ir.PageAPI && pg.Operation == nil {
		p.diags.Warnf(p.li.pos(p.base), ir.CodeNoOperation, "api page: no HTTP request section found")
		pg.Operation = &ir.Operation{}
	}
	for _, r := range pg.Resources {
		p.settleResource(r)
	}
	// A resource an API page starts only by saying what the type "derives
	// from" (beta eventmessage-post-attachments.md: "Add attachment")
	// declares nothing: it has no name, no table and no JSON.
	pg.Resources = slices.DeleteFunc(pg.Resources, func(r *ir.Resource) bool {
		return r.Name == "" && len(r.Properties) == 0 && len(r.Relationships) == 0 && r.JSON == nil
	})
	for _, e := range pg.Enums {
		if e.Namespace == "" {
			e.Namespace = p.namespace()
		}
		if e.Description == "" && len(pg.Enums) == 1 {
			e.Description = pg.Description
		}
	}
}

// kindFromStructure classifies a page without doc_type.
func (p *pageParser) kindFromStructure() ir.PageKind {
	pg := p.page
	switch {
	case pg.Operation != nil && len(pg.Operation.Paths) > 0:
		return ir.PageAPI
	case len(pg.Resources) > 0:
		return ir.PageResource
	case len(pg.Enums) > 0:
		return ir.PageEnum
	}
	return ir.PageConceptual
}

// settleResource fills name and namespace from the title and the
// Namespace line when no annotation gave them. A title names the type only
// when what is left of it is one word ("keyValue resource type"): "System
// facet" or "Add attachment" are no type names, and the resource stays
// unnamed.
func (p *pageParser) settleResource(r *ir.Resource) {
	if r.Name == "" {
		r.Name = titleTypeName(p.page.Title)
		if r.Namespace == "" {
			r.Namespace = p.namespace()
		}
	}
	if r.Namespace == "" {
		r.Namespace = p.namespace()
	}
	if r.Description == "" {
		r.Description = p.page.Description
	}
	if !r.Pos.IsValid() {
		r.Pos = p.page.TitlePos
	}
}

// namespace returns the page's Namespace line, default ir.DefaultNamespace.
func (p *pageParser) namespace() string {
	if p.page.Namespace != "" {
		return p.page.Namespace
	}
	return ir.DefaultNamespace
}

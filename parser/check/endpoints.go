package check

import (
	"strings"

	"github.com/docs2go/docs2go/parser/ir"
)

// Endpoints checks the example bodies of every create endpoint in ds:
// requests against the body type (required properties included, from the
// type and from the Required rows of the page's body table), and responses
// with the endpoint's status against the result type. pages may be nil; it
// supplies the body tables.
func Endpoints(ds *ir.DocSet, pages []*ir.Page) ir.Diagnostics {
	if ds == nil {
		return nil
	}
	c := New(ds)
	c.UsePages(pages)
	tables := bodyTables(pages)
	var diags ir.Diagnostics
	for _, ep := range ds.Endpoints {
		if ep == nil {
			continue
		}
		for _, ex := range ep.Examples {
			diags = append(diags, c.request(ep, ex.Request, tables[ep.Page])...)
			diags = append(diags, c.response(ep, ex.Response)...)
		}
	}
	diags.Sort()
	return diags
}

// bodyTables maps a page file to the property names its Request body table
// marks required.
func bodyTables(pages []*ir.Page) map[string][]string {
	out := map[string][]string{}
	for _, p := range pages {
		if p == nil || p.Operation == nil || p.Operation.Body == nil {
			continue
		}
		for _, prop := range p.Operation.Body.Properties {
			if prop.Required && !prop.ReadOnly && prop.Name != "" {
				out[p.File] = append(out[p.File], prop.Name)
			}
		}
	}
	return out
}

func (c *Checker) request(ep *ir.Endpoint, m *ir.HTTPMessage, required []string) ir.Diagnostics {
	if m == nil || m.Body == nil || ep.Body == nil || !jsonContent(m) {
		return nil
	}
	return c.Body(*ep.Body, m.Body, Options{
		Label: "request body", Request: true, Truncated: truncated(m), Required: required,
	})
}

func (c *Checker) response(ep *ir.Endpoint, m *ir.HTTPMessage) ir.Diagnostics {
	if m == nil || m.Body == nil || ep.Result == nil || !jsonContent(m) {
		return nil
	}
	if ep.Status != 0 && m.Status != ep.Status {
		return nil // e.g. an error response shown next to the 201
	}
	return c.Body(*ep.Result, m.Body, Options{Label: "response body", Truncated: truncated(m)})
}

func truncated(m *ir.HTTPMessage) bool { return m.Annotation != nil && m.Annotation.Truncated }

// jsonContent reports whether a message's body is meant to be JSON: no
// Content-Type header, or one naming JSON. Multipart and HTML bodies
// (OneNote pages, v1.0/api/onenote-post-pages.md) are not checked.
func jsonContent(m *ir.HTTPMessage) bool {
	for _, h := range m.Headers {
		if strings.EqualFold(h.Name, "Content-Type") {
			return strings.Contains(strings.ToLower(h.Value), "json")
		}
	}
	return true
}

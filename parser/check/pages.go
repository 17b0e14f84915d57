package check

import (
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/docs2go/docs2go/parser/ir"
)

// Pages runs the page-level checks on every page: not-a-reference-page,
// url-mismatch, unknown-annotation-key, unknown-block-type, content-length
// and no-201-response, all warnings. The output is sorted.
func Pages(pages []*ir.Page) ir.Diagnostics {
	var diags ir.Diagnostics
	for _, p := range pages {
		if p == nil {
			continue
		}
		diags = append(diags, checkReferencePage(p)...)
		diags = append(diags, checkAnnotations(p)...)
		diags = append(diags, checkURLs(p)...)
		diags = append(diags, checkContentLength(p)...)
		diags = append(diags, checkCreateStatus(p)...)
	}
	diags.Sort()
	return diags
}

// checkReferencePage reports, once, a page nothing can be read from: no
// title (empty, binary or not Markdown) or text that is not UTF-8. A page
// with a title that defines nothing is an overview (the reference folders
// hold dozens) and passes silently.
func checkReferencePage(p *ir.Page) ir.Diagnostics {
	if p.Kind != ir.PageConceptual {
		return nil
	}
	var diags ir.Diagnostics
	pos := ir.Pos{File: p.File, Line: 1, Col: 1}
	switch {
	case !utf8.ValidString(p.Title) || !utf8.ValidString(p.Description):
		diags.Warnf(pos, ir.CodeNotAReferencePage, "page: not a reference page: the text is not UTF-8; nothing is generated from it")
	case p.Title == "":
		diags.Warnf(pos, ir.CodeNotAReferencePage, "page: not a reference page: no title (# heading), operation, properties or enumeration table; nothing is generated from it")
	}
	return diags
}

// checkContentLength compares every Content-Length header with the body
// length. Intune pages count CRLF line ends (corpus.md §5: 4,143 of 4,151),
// hand-written pages mostly LF, so either is accepted, with or without a
// final line end.
func checkContentLength(p *ir.Page) ir.Diagnostics {
	if p.Operation == nil {
		return nil
	}
	var diags ir.Diagnostics
	for _, ex := range p.Operation.Examples {
		for _, m := range []*ir.HTTPMessage{ex.Request, ex.Response} {
			if m == nil {
				continue
			}
			for _, h := range m.Headers {
				if strings.EqualFold(strings.TrimSpace(h.Name), "Content-Length") {
					diags = append(diags, contentLength(h, m.Body)...)
				}
			}
		}
	}
	return diags
}

func contentLength(h ir.Header, body *ir.Block) ir.Diagnostics {
	var diags ir.Diagnostics
	v := strings.TrimSpace(h.Value)
	n, err := strconv.Atoi(v)
	if err != nil || n < 0 {
		diags.Warnf(h.Pos, ir.CodeContentLength, "header: Content-Length %q is not a byte count", v)
		return diags
	}
	lengths := bodyLengths(body)
	for _, l := range lengths {
		if l == n {
			return nil
		}
	}
	diags.Warnf(h.Pos, ir.CodeContentLength, "header: Content-Length %d does not match the body: %d bytes with LF line ends, %d with CRLF",
		n, lengths[0], lengths[2])
	return diags
}

// bodyLengths returns the body length with LF line ends, with LF and
// without a final line end, with CRLF, and with CRLF without a final one.
func bodyLengths(body *ir.Block) []int {
	text := ""
	if body != nil {
		text = strings.ReplaceAll(body.Text, "\r\n", "\n")
	}
	trimmed := strings.TrimRight(text, "\n")
	lf, lfTrim := len(text), len(trimmed)
	crlf := lf + strings.Count(text, "\n")
	crlfTrim := lfTrim + strings.Count(trimmed, "\n")
	return []int{lf, lfTrim, crlf, crlfTrim}
}

// checkCreateStatus reports a create page (POST with a request body) whose
// Response section says 201 but whose examples show no 201 response, so
// no golden test can show what the endpoint answers.
func checkCreateStatus(p *ir.Page) ir.Diagnostics {
	op := p.Operation
	if op == nil || op.Method != "POST" || op.Response == nil || op.Response.Status != 201 || !hasRequestBody(op) {
		return nil
	}
	var first *ir.HTTPMessage
	for _, ex := range op.Examples {
		if ex.Response == nil {
			continue
		}
		if ex.Response.Status == 201 {
			return nil
		}
		if first == nil {
			first = ex.Response
		}
	}
	var diags ir.Diagnostics
	if first == nil {
		diags.Warnf(op.Response.Pos, ir.CodeNo201Response, "response: the Response section says 201 Created but the page shows no example response")
		return diags
	}
	diags.Warnf(first.Pos, ir.CodeNo201Response, "response: the Response section says 201 Created but the example responses answer %s",
		statuses(op.Examples))
	return diags
}

func hasRequestBody(op *ir.Operation) bool {
	if op.Body != nil && (len(op.Body.Properties) > 0 || op.Body.Type != nil) {
		return true
	}
	for _, ex := range op.Examples {
		if ex.Request != nil && ex.Request.Body != nil && strings.TrimSpace(ex.Request.Body.Text) != "" {
			return true
		}
	}
	return false
}

// statuses lists the distinct example response statuses in document order.
func statuses(exs []ir.Example) string {
	var out []string
	for _, ex := range exs {
		if ex.Response == nil {
			continue
		}
		s := strconv.Itoa(ex.Response.Status)
		if ex.Response.Status == 0 {
			s = "no status"
		}
		if !slices.Contains(out, s) {
			out = append(out, s)
		}
	}
	return strings.Join(out, ", ")
}

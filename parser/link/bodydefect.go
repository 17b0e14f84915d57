package link

import (
	"fmt"
	"strings"

	"github.com/docs2go/docs2go/parser/ir"
)

// What a create page without a usable body documents: a bodiless call, a
// non-JSON upload, or a defect whose position and reason the skip reports.

// bodiless reports a create page that documents no body at all: no type
// link, no table, and a well-formed example request without a body that
// does not claim one either (beta printdocument-uploaddata.md shows
// "Content-Length: 72797" and no body: a defect, not a bodiless call).
func bodiless(bs *ir.BodySpec, req request) bool {
	if bs != nil && (bs.Type != nil || len(bs.Properties) > 0) {
		return false
	}
	if req.msg == nil || req.err != "" || (req.msg.Body != nil && strings.TrimSpace(req.msg.Body.Text) != "") {
		return false
	}
	return claimedLength(req) == nil
}

// claimedLength returns the non-zero Content-Length header of an example
// request that shows no body.
func claimedLength(req request) *ir.Header {
	if req.msg == nil || (req.msg.Body != nil && strings.TrimSpace(req.msg.Body.Text) != "") {
		return nil
	}
	for i, h := range req.msg.Headers {
		if strings.EqualFold(strings.TrimSpace(h.Name), "Content-Length") && strings.TrimSpace(h.Value) != "0" {
			return &req.msg.Headers[i]
		}
	}
	return nil
}

// contentType returns the Content-Type header of an example request that
// has a body, and its position.
func contentType(m *ir.HTTPMessage) (string, ir.Pos) {
	if m == nil || m.Body == nil || strings.TrimSpace(m.Body.Text) == "" {
		return "", ir.Pos{}
	}
	for _, h := range m.Headers {
		if strings.EqualFold(strings.TrimSpace(h.Name), "Content-Type") {
			return strings.TrimSpace(h.Value), h.Pos
		}
	}
	return "", ir.Pos{}
}

// noBodyAt is where the missing body type shows: the failed example body,
// else the unresolved type link, else the Request body section.
func noBodyAt(p *ir.Page, req request) ir.Pos {
	bs := p.Operation.Body
	if h := claimedLength(req); h != nil {
		return h.Pos
	}
	switch {
	case req.msg != nil && req.msg.Body != nil:
		return req.msg.Body.Pos
	case bs != nil && bs.Type != nil:
		return bs.Type.Pos
	case bs != nil:
		return bs.Pos
	case req.msg != nil:
		return req.msg.Pos
	}
	return p.Operation.Pos
}

func noBodyReason(p *ir.Page, req request) string {
	bs := p.Operation.Body
	var link string
	if bs != nil && bs.Type != nil {
		link = fmt.Sprintf("type %s does not resolve", bs.Type.Name)
	} else {
		link = "no type link"
	}
	if h := claimedLength(req); h != nil {
		return fmt.Sprintf("no request body type: %s, no body table, and the example request claims %s: %s but shows no body", link, h.Name, h.Value)
	}
	switch {
	case req.msg == nil:
		return fmt.Sprintf("no request body type: %s, no body table and no example request", link)
	case req.err != "":
		return fmt.Sprintf("no request body type: %s, no body table, and the example request %s", link, req.err)
	default:
		return fmt.Sprintf("no request body type: %s, no body table, and the example request has no body", link)
	}
}

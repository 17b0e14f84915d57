package link

import (
	"slices"
	"strings"

	"github.com/docs2go/docs2go/parser/ir"
)

// The success statuses and content types of an operation other than a
// create, from the Response prose and the example responses of its method.

// defaultStatus is the status of a kind whose page names none.
func defaultStatus(k ir.OpKind) int {
	switch k {
	case ir.OpCreate:
		return 201
	case ir.OpDelete:
		return 204
	}
	return 200
}

// statuses returns the documented success status (the first the Response
// prose, when given, names, else the first example answer's, else the kind's default)
// and, when the page documents more than one, all of them sorted.
func statuses(prose *ir.ResponseSpec, examples []ir.Example, kind ir.OpKind) (int, []int) {
	var all []int
	status := 0
	if prose != nil {
		for _, s := range prose.Statuses {
			if status == 0 {
				status = s
			}
			all = append(all, s)
		}
		if status == 0 && prose.Status != 0 {
			status = prose.Status
			all = append(all, status)
		}
	}
	for _, ex := range examples {
		if m := ex.Response; m != nil && m.Status >= 200 && m.Status < 400 {
			if status == 0 {
				status = m.Status
			}
			all = append(all, m.Status)
		}
	}
	if status == 0 {
		return defaultStatus(kind), nil
	}
	slices.Sort(all)
	all = slices.Compact(all)
	if len(all) < 2 {
		return status, nil
	}
	return status, all
}

// headerValue returns a header of m and its position, "" when absent.
func headerValue(m *ir.HTTPMessage, name string) (string, ir.Pos) {
	if m == nil {
		return "", ir.Pos{}
	}
	for _, h := range m.Headers {
		if strings.EqualFold(strings.TrimSpace(h.Name), name) {
			return strings.TrimSpace(h.Value), h.Pos
		}
	}
	return "", ir.Pos{}
}

// nonJSON reports a media type that is not JSON.
func nonJSON(ct string) bool {
	return ct != "" && !strings.Contains(strings.ToLower(ct), "json")
}

// answerContent returns the media type of the first example answer of
// status that has a non-JSON Content-Type ("text/csv" report bodies are
// written application/octet-stream), else "". Unless stream (a get of
// $value or content, whose examples often leave the bytes out), the answer
// must show a body: a 204 with "Content-type: text/plain" answers nothing.
func answerContent(examples []ir.Example, status int, stream bool) string {
	for _, ex := range examples {
		m := ex.Response
		if m == nil || m.Status != status || !stream && (m.Body == nil || strings.TrimSpace(m.Body.Text) == "") {
			continue
		}
		if ct, _ := headerValue(m, "Content-Type"); nonJSON(ct) {
			return mediaType(ct)
		}
	}
	return ""
}

// requestContent returns the non-JSON media type an example request of the
// operation sends, else "".
func requestContent(examples []ir.Example) string {
	for _, ex := range examples {
		if ct, _ := headerValue(ex.Request, "Content-Type"); nonJSON(ct) {
			return mediaType(ct)
		}
	}
	return ""
}

// mediaType drops the parameters of a Content-Type value.
func mediaType(ct string) string {
	if i := strings.IndexByte(ct, ';'); i >= 0 {
		ct = ct[:i]
	}
	return strings.ToLower(strings.TrimSpace(ct))
}

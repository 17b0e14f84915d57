package parser

import "github.com/docs2go/docs2go/parser/ir"

// addExample appends msg to op's examples. A request starts a new example;
// a response answers the request with the same annotation name, else the
// closest preceding unanswered request, else stands alone. Pairing by
// document order, not by heading level: hand pages put requests under h3,
// h4 or h5 and tab markers in between (corpus §7).
func addExample(op *ir.Operation, msg *ir.HTTPMessage) {
	if msg.Method != "" {
		op.Examples = append(op.Examples, ir.Example{Name: annotationName(msg), Request: msg})
		return
	}
	if i := pairFor(op.Examples, msg); i >= 0 {
		op.Examples[i].Response = msg
		if op.Examples[i].Name == "" {
			op.Examples[i].Name = annotationName(msg)
		}
		return
	}
	op.Examples = append(op.Examples, ir.Example{Name: annotationName(msg), Response: msg})
}

// pairFor returns the index of the example resp answers, or -1.
func pairFor(exs []ir.Example, resp *ir.HTTPMessage) int {
	if name := annotationName(resp); name != "" {
		for i := len(exs) - 1; i >= 0; i-- {
			if exs[i].Response == nil && exs[i].Request != nil && annotationName(exs[i].Request) == name {
				return i
			}
		}
	}
	for i := len(exs) - 1; i >= 0; i-- {
		if exs[i].Response == nil && exs[i].Request != nil {
			return i
		}
	}
	return -1
}

// annotationName returns the first annotation name of msg, or "".
func annotationName(msg *ir.HTTPMessage) string {
	if msg.Annotation != nil && len(msg.Annotation.Name) > 0 {
		return msg.Annotation.Name[0]
	}
	return ""
}

package link

import (
	"slices"
	"strings"

	"github.com/docs2go/docs2go/parser/ir"
)

// Examples of a page belong to the operation whose method their request
// uses. A page often documents several operations (GET and POST of one
// collection, say): an example of another operation of the page is that
// operation's, not a defect of this one. Only an example whose method no
// request line of the page has is claimed by no operation, and the plan
// reports it (example-method).

// examplesFor splits op's examples into those of the operation with
// method (its own, and the response-only ones, which name no method) and
// those no operation of the page claims. Examples of the page's other
// operations are in neither.
func examplesFor(op *ir.Operation, method string) (own, unclaimed []ir.Example) {
	for _, ex := range op.Examples {
		switch {
		case ex.Request == nil || strings.EqualFold(ex.Request.Method, method):
			own = append(own, ex)
		case !pageHasMethod(op, ex.Request.Method):
			unclaimed = append(unclaimed, ex)
		}
	}
	return own, unclaimed
}

// pageHasMethod reports whether a request line of op's page uses method.
func pageHasMethod(op *ir.Operation, method string) bool {
	return strings.EqualFold(op.Method, method) || slices.ContainsFunc(op.Paths, func(ps ir.PathSyntax) bool {
		return strings.EqualFold(ps.Method, method)
	})
}

package generator

import (
	"github.com/dave/jennifer/jen"
)

// The Go types of an endpoint's request and answer, by its shape: what
// the Server method, the handler and the Client method share.

// requestBody is the body type the handler decodes (B of serveJSON):
// struct{} for an endpoint without a body, Content for an upload.
func (em emitter) requestBody(e *endpointInfo) *jen.Statement {
	switch {
	case e.shape.noBody:
		return jen.Struct()
	case e.shape.upload:
		return jen.Id("Content")
	}
	return em.goType(e.body)
}

// resultType is the Go type of a JSON answer (R of serveJSON): the
// documented type, a Page of its items for a list or a collection, a
// Value for a primitive; nil when the answer is not JSON.
func (em emitter) resultType(e *endpointInfo) *jen.Statement {
	if e.result == nil {
		return nil
	}
	switch e.shape.wrap {
	case "Page":
		return jen.Id("Page").Types(em.elemType(*e.result))
	case "Value":
		return jen.Id("Value").Types(em.elemType(*e.result))
	}
	return em.goType(*e.result)
}

// resultName is about resultType as written, for estimating lengths.
func (em emitter) resultName(e *endpointInfo) string {
	switch {
	case e.shape.content:
		return "*Content"
	case e.shape.target:
		return "string"
	case e.result == nil:
		return ""
	case e.shape.wrap != "":
		r := *e.result
		r.Collection = false
		return e.shape.wrap + "[" + em.typeName(&r) + "]"
	}
	return em.typeName(e.result)
}

// serverResults is the result list of the Server method: the answer (a
// pointer to the JSON type, *Content for a stream, the redirect URL), the
// status it chose when the page documents several (0 for the one it names
// first), and the error.
func (em emitter) serverResults(e *endpointInfo) []jen.Code {
	switch {
	case e.shape.content:
		return []jen.Code{jen.Op("*").Id("Content"), jen.Error()}
	case e.shape.target:
		return []jen.Code{jen.String(), jen.Error()}
	}
	res := em.jsonResults(e)
	if e.shape.statuses != nil {
		res = append(res[:len(res)-1:len(res)-1], jen.Int(), jen.Error())
	}
	return res
}

// jsonResults is the answer, when there is one, and the error.
func (em emitter) jsonResults(e *endpointInfo) []jen.Code {
	if rt := em.resultType(e); rt != nil {
		return []jen.Code{jen.Op("*").Add(rt), jen.Error()}
	}
	return []jen.Code{jen.Error()}
}

// clientResults is the result list of the Client method: a stream (a
// media answer, or what a redirect leads to) is an io.ReadCloser; as its
// Server method, the method of a PUT documenting several statuses also
// returns the one that answered.
func (em emitter) clientResults(e *endpointInfo) []jen.Code {
	if e.shape.content || e.shape.target {
		return []jen.Code{jen.Qual("io", "ReadCloser"), jen.Error()}
	}
	return em.serverResults(e)
}

// serveFunc is the runtime function that serves e.
func (e *endpointInfo) serveFunc() string {
	switch {
	case e.shape.content:
		return "serveContent"
	case e.shape.target:
		return "serveRedirect"
	case e.result == nil && e.shape.statuses != nil:
		return "serveNoContentStatus"
	case e.result == nil:
		return "serveNoContent"
	case e.shape.statuses != nil:
		return "serveStatus"
	}
	return "serveJSON"
}

// zeroResults is what UnimplementedServer returns before its error.
func (e *endpointInfo) zeroResults() []jen.Code {
	var zero []jen.Code
	switch {
	case e.shape.target:
		zero = append(zero, jen.Lit(""))
	case e.answers():
		zero = append(zero, jen.Nil())
	}
	if e.shape.statuses != nil {
		zero = append(zero, jen.Lit(0))
	}
	return zero
}

// queryGo is the Go type of a typed query field.
func queryGo(typ string) *jen.Statement {
	if typ == "time.Time" {
		return jen.Qual("time", "Time")
	}
	return jen.Id(typ)
}

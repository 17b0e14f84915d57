package link

import (
	"strings"

	"github.com/docs2go/docs2go/parser/ir"
)

// A function's parameters and its request lines. Graph passes function
// parameters inside parentheses: getEmailActivityCounts(period='D7'). The
// docs give them in the request line, in a "Function parameters" table,
// in a table under "Request body" (intune: "provide the following query
// parameters"), or only in the example URL (intune
// getEffectivePermissions, Excel range/cell). A request line that lacks
// the parentheses gets them from the example, so that the route matches
// the documented call.

// functionRequest fills a function's parameters and completes its request
// lines.
func (l *linker) functionRequest(p *ir.Page, f *opFacts) {
	op := p.Operation
	call := exampleCall(f.examples)
	f.paths = withCall(f.paths, call)
	switch {
	case len(op.FunctionParams) > 0:
		f.params = l.parameters(p, op.FunctionParams)
	case op.Body != nil && len(op.Body.Properties) > 0:
		f.params = l.parameters(p, op.Body.Properties)
	default:
		f.params = pathArguments(f.paths)
	}
}

// funcCall is a function call segment of an example URL: name(a='x',b=5).
type funcCall struct {
	name string
	args []funcArg
}

type funcArg struct {
	name   string
	quoted bool // the example writes the value as an OData string, 'x'
}

// exampleCall returns the last function call with arguments of the
// example requests' URLs.
func exampleCall(examples []ir.Example) *funcCall {
	for _, ex := range examples {
		if ex.Request == nil {
			continue
		}
		if last := lastSegment(ex.Request.URL); last != "" {
			if c := parseCall(last); c != nil && len(c.args) > 0 {
				return c
			}
		}
	}
	return nil
}

// parseCall reads a segment name(a=…,b=…); nil when it is not a call with
// named arguments.
func parseCall(seg string) *funcCall {
	if !isFunctionCall(seg) {
		return nil
	}
	i := strings.IndexByte(seg, '(')
	c := &funcCall{name: seg[:i]}
	inner := seg[i+1 : len(seg)-1]
	for _, part := range splitArgs(inner) {
		k, v, ok := strings.Cut(part, "=")
		k = strings.TrimSpace(k)
		if !ok || !isIdent(k) {
			return nil
		}
		c.args = append(c.args, funcArg{name: k, quoted: strings.HasPrefix(strings.TrimSpace(v), "'")})
	}
	return c
}

// splitArgs splits a call's arguments on the commas outside quotes.
func splitArgs(s string) []string {
	var out []string
	quoted, start := false, 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '\'':
			quoted = !quoted
		case ',':
			if !quoted {
				out = append(out, s[start:i])
				start = i + 1
			}
		}
	}
	if strings.TrimSpace(s[start:]) != "" {
		out = append(out, s[start:])
	}
	return out
}

// withCall completes the request lines whose last segment names call's
// function without parentheses: ".../getEffectivePermissions" becomes
// ".../getEffectivePermissions(scope='{scope}')".
func withCall(paths []ir.PathSyntax, call *funcCall) []ir.PathSyntax {
	if call == nil {
		return paths
	}
	out := make([]ir.PathSyntax, len(paths))
	for i, ps := range paths {
		out[i] = ps
		t := strings.TrimRight(strings.TrimSpace(ps.Template), "/")
		query := ""
		if j := strings.IndexByte(t, '?'); j >= 0 {
			t, query = t[:j], t[j:]
		}
		if last := lastSegment(t); last == "" || !strings.EqualFold(last, call.name) {
			continue
		}
		var args []string
		for _, a := range call.args {
			v := "{" + a.name + "}"
			if a.quoted {
				v = "'" + v + "'"
			}
			args = append(args, a.name+"="+v)
		}
		out[i].Template = t + "(" + strings.Join(args, ",") + ")" + query
	}
	return out
}

// pathArguments returns the named arguments of the request lines'
// function calls as String parameters, first-seen order.
func pathArguments(paths []ir.PathSyntax) []ir.Property {
	var out []ir.Property
	for _, ps := range paths {
		for seg := range segmentsOf(ps.Template) {
			c := parseCall(seg)
			if c == nil {
				continue
			}
			for _, a := range c.args {
				if propIndex(out, a.name) >= 0 {
					continue
				}
				out = append(out, ir.Property{Name: a.name, RawName: a.name, Required: true, Pos: ps.Pos,
					Type: ir.TypeRef{Raw: "String", Name: "String", Primitive: true, Pos: ps.Pos}})
			}
		}
	}
	return out
}

// queryParams returns the page's own query parameters: the rows of its
// query parameter tables, then the names its request lines put in the
// query string ("?startDateTime={start_datetime}"), which are required.
func queryParams(op *ir.Operation, paths []ir.PathSyntax) []ir.QueryParam {
	var out []ir.QueryParam
	has := func(name string) bool {
		for _, q := range out {
			if strings.EqualFold(q.Name, name) {
				return true
			}
		}
		return false
	}
	for _, row := range op.QueryParams {
		if !has(row.Name) {
			out = append(out, ir.QueryParam{Name: row.Name, Type: row.Type, Description: row.Description,
				Required: row.Required, Pos: row.Pos})
		}
	}
	for _, ps := range paths {
		_, query, ok := strings.Cut(ps.Template, "?")
		if !ok {
			continue
		}
		for _, kv := range strings.Split(query, "&") {
			name, _, _ := strings.Cut(kv, "=")
			name = strings.TrimSpace(name)
			// "$" options are OData's; "$id" of DELETE …/$ref?$id= too
			// (the runtime reads no "$" parameter of a page's own).
			if name == "" || strings.HasPrefix(name, "$") || !isIdent(name) || has(name) {
				continue
			}
			out = append(out, ir.QueryParam{Name: name, Required: true, Pos: ps.Pos,
				Type: ir.TypeRef{Raw: "String", Name: "String", Primitive: true, Pos: ps.Pos}})
		}
	}
	return out
}

package generator

import (
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/dave/jennifer/jen"

	"github.com/docs2go/docs2go/parser/ir"
)

// The generated code is laid out to review well as a diff. Lists that grow
// with the docs (an endpoint's routes and scopes, the endpoints, an enum's
// members) hold one element per line, so adding one is a one-line change;
// a call or a parameter list that would make a long line is written one
// argument per line; comments listing routes give each its own line.

// longLine is the estimated length past which a call or a parameter list
// is written one element per line. gofmt indents and pads, so it is kept
// well below the bound the tests check (200).
const longLine = 150

// long reports whether a line made of parts (identifiers and literals as
// written, plus a little punctuation each) is long.
func long(parts ...string) bool {
	n := 0
	for _, p := range parts {
		n += len(p) + 4
	}
	return n > longLine
}

// listOf is a composite literal's elements, one per line.
func listOf(items ...jen.Code) *jen.Statement {
	return jen.Custom(jen.Options{Open: "{", Close: "}", Separator: ",", Multi: true}, items...)
}

// keyValue is an element of a keyed composite literal.
type keyValue struct {
	key   string
	value jen.Code
}

// keyed is a composite literal of "key: value" elements sorted by key,
// one per line when there are several, as jen.Dict writes it (a Dict
// renders every key to a buffer of its own to sort them).
func keyed(kvs []keyValue) *jen.Statement {
	slices.SortFunc(kvs, func(a, b keyValue) int { return strings.Compare(a.key, b.key) })
	items := make([]jen.Code, len(kvs))
	for i, kv := range kvs {
		items[i] = jen.Id(kv.key + ":").Add(kv.value)
	}
	return structOf(len(kvs) > 1, items...)
}

// argsOf is a call's arguments or a function's parameters: one per line
// when multi is set, else on one line.
func argsOf(multi bool, items ...jen.Code) *jen.Statement {
	return jen.Custom(jen.Options{Open: "(", Close: ")", Separator: ",", Multi: multi}, items...)
}

// structOf is a struct literal's fields, one per line when multi is set.
func structOf(multi bool, items ...jen.Code) *jen.Statement {
	return jen.Custom(jen.Options{Open: "{", Close: "}", Separator: ",", Multi: multi}, items...)
}

// servesComment is the comment of something that serves routes, with
// the sentences of after: on one line for a single route when it fits,
// else a list with one route per line.
func servesComment(subject string, routes []route, after ...string) *jen.Statement {
	var lines []string
	if one := subject + " serves " + routes[0].Method + " " + routes[0].Template + "."; len(routes) == 1 && len(one) <= longLine {
		lines = append(lines, one)
	} else {
		lines = append(lines, subject+" serves:")
		for _, r := range routes {
			lines = append(lines, listItem(r.Method+" "+r.Template)...)
		}
	}
	for _, a := range after {
		if last := lines[len(lines)-1]; len(routes) == 1 && len(lines) == 1 && len(last)+1+len(a) <= longLine {
			lines[0] += " " + a
			continue
		}
		lines = append(lines, "", a)
	}
	return lineComments(lines)
}

// listItem is a doc comment list item holding a path, split over lines
// when long.
func listItem(path string) []string {
	var lines []string
	for i, part := range splitPath(path, longLine-10) {
		if i == 0 {
			lines = append(lines, "  - "+part)
		} else {
			lines = append(lines, "    "+part) // continues the list item
		}
	}
	return lines
}

// typeName is about ref's Go type as written, for estimating lengths.
func (plan *Plan) typeName(ref *ir.TypeRef) string {
	if ref == nil {
		return ""
	}
	name := "json.RawMessage"
	switch k, _, ti, ei := plan.resolve(*ref); k {
	case kindStruct:
		name = ti.goName
	case kindEnum:
		name = ei.goName
	}
	if ref.Collection {
		name = "[]" + name
	}
	return name
}

// splitPath cuts a request line longer than width before slashes, into
// parts of at most width bytes where the segments allow.
func splitPath(line string, width int) []string {
	var parts []string
	for len(line) > width {
		cut := strings.LastIndexByte(line[:width], '/')
		if cut <= 0 {
			break // one segment longer than width: kept whole
		}
		parts = append(parts, line[:cut])
		line = line[cut:]
	}
	return append(parts, line)
}

// pathLit is a string literal of a path or a route pattern, written as a
// concatenation cut before slashes when it is long.
func pathLit(s string) *jen.Statement {
	parts := splitPath(s, longLine-10)
	st := jen.Lit(parts[0])
	for _, p := range parts[1:] {
		st.Op("+").Line().Lit(p)
	}
	return st
}

// longLit is a string literal written as a concatenation of pieces that
// fit a line, cut after a slash, ampersand or comma where there is one
// (test targets with example query strings, synthesized JSON bodies),
// else at the width, never inside a UTF-8 sequence.
func longLit(s string) *jen.Statement {
	width := longLine - 10
	var parts []string
	for len(s) > width {
		cut := strings.LastIndexAny(s[:width], "/&,") + 1
		if cut <= 1 {
			cut = width
			for cut > 1 && !utf8.RuneStart(s[cut]) {
				cut--
			}
		}
		parts = append(parts, s[:cut])
		s = s[cut:]
	}
	if parts == nil {
		return jen.Lit(s) // most literals fit a line
	}
	parts = append(parts, s)
	st := jen.Lit(parts[0])
	for _, p := range parts[1:] {
		st.Op("+").Line().Lit(p)
	}
	return st
}

package generator

import (
	"fmt"

	"github.com/docs2go/docs2go/parser/ir"
)

// API is the Go surface Generate would declare for a DocSet: the names and
// types, without rendering any file. It lets tools that compare two docs
// versions (docs2go diff) speak of what a Go caller sees.
type API struct {
	Types     map[string]APIType // struct and enum types by qualified name
	Endpoints []APIEndpoint      // parallel to DocSet.Endpoints
}

// APIType is a struct or an enum.
type APIType struct {
	GoName string
	Fields map[string]APIField // structs: JSON property name → field; properties left to AdditionalData are absent
	Consts map[string]string   // enums: member name → constant
}

// APIField is one struct field.
type APIField struct {
	GoName string // e.g. "BusinessPhones"
	GoType string // the T of Opt[T], e.g. "[]string", "AnyAttachment", "time.Time"
}

// APIEndpoint is an endpoint's Server and Client method.
type APIEndpoint struct {
	GoName    string   // method name; a page sharing another page's routes has that page's method
	Generated bool     // false when the endpoint was left out (Reason says why)
	Reason    string   // why it was left out
	Routes    []string // router patterns, e.g. "POST /users/{userID}/events"
	Body      string   // Go type of the request body, e.g. "AnyAttachment", "[]User", "json.RawMessage"
	Result    string   // Go type of the 201 answer; "" for an empty answer
}

// DescribeAPI names everything as Generate does, and renders nothing.
func DescribeAPI(ds *ir.DocSet) (api *API, err error) {
	defer func() {
		if p := recover(); p != nil { // never panic on any input, as Generate
			api, err = nil, fmt.Errorf("generator: internal error: %v", p)
		}
	}()
	if ds == nil {
		ds = &ir.DocSet{}
	}
	plan, _, err := NewPlan(ds)
	if err != nil {
		return nil, err
	}
	g := emitter{Plan: plan, pkg: "generated"}
	api = &API{Types: make(map[string]APIType, len(g.types)+len(g.enums))}
	for _, ti := range g.types {
		t := APIType{GoName: ti.goName, Fields: make(map[string]APIField, len(ti.fields))}
		for _, f := range ti.fields {
			t.Fields[f.prop.Name] = APIField{GoName: f.goName, GoType: g.typeString(f.typ)}
		}
		api.Types[ti.qname] = t
	}
	for _, ei := range g.enums {
		t := APIType{GoName: ei.goName, Consts: make(map[string]string, len(ei.consts))}
		for _, c := range ei.consts {
			t.Consts[c.m.Name] = c.goName
		}
		api.Types[ei.e.QualifiedName()] = t
	}
	for _, e := range g.endpoints {
		api.Endpoints = append(api.Endpoints, g.describeEndpoint(e))
	}
	return api, nil
}

func (g emitter) describeEndpoint(e *endpointInfo) APIEndpoint {
	owner := e
	if e.primary != nil {
		owner = e.primary
	}
	a := APIEndpoint{GoName: owner.name, Generated: owner.ok, Reason: owner.reason}
	if !owner.ok {
		a.GoName = ""
		return a
	}
	for _, r := range owner.routes {
		a.Routes = append(a.Routes, r.Pattern())
	}
	a.Body = g.typeString(owner.body)
	if owner.result != nil {
		a.Result = g.typeString(*owner.result)
	}
	return a
}

// typeString is the Go source of ref's type, e.g. "[]User".
func (g emitter) typeString(ref ir.TypeRef) string {
	return fmt.Sprintf("%#v", g.goType(ref))
}

package generator

import (
	"path"
	"slices"
	"strings"
	"testing"

	"github.com/docs2go/docs2go/parser/ir"
)

// selectDocSet is a fixture for selection: shape has two derived types
// (circle, square); square's color is an enum; note (with its enum mood)
// is reached by no endpoint but its own; cup's derived type mug is reached
// only through a collection body, which is not polymorphic.
func selectDocSet() *ir.DocSet {
	ref := func(name string) ir.TypeRef {
		return ir.TypeRef{Raw: name, Name: name, Target: "microsoft.graph." + name}
	}
	str := ir.TypeRef{Raw: "String", Name: "String", Primitive: true}
	prop := func(name string, t ir.TypeRef) ir.Property { return ir.Property{Name: name, RawName: name, Type: t} }
	typ := func(name, base string, props ...ir.Property) *ir.Type {
		if base != "" {
			base = "microsoft.graph." + base
		}
		return &ir.Type{Name: name, Namespace: "microsoft.graph", Base: base, Properties: props,
			Sources: []ir.Pos{{File: "resources/" + name + ".md", Line: 1}}}
	}
	enum := func(name string) *ir.Enum {
		return &ir.Enum{Name: name, Namespace: "microsoft.graph", Members: []ir.EnumMember{{Name: "a"}, {Name: "b"}},
			Pos: ir.Pos{File: "resources/enums.md", Line: 1}}
	}
	endpoint := func(page, route string, body ir.TypeRef) *ir.Endpoint {
		return &ir.Endpoint{Page: page, Method: "POST", Paths: []ir.PathSyntax{{Method: "POST", Template: route}},
			Body: &body, Result: &body, Status: 201, Pos: ir.Pos{File: page, Line: 1}}
	}
	cups := ref("cup")
	cups.Collection = true
	return &ir.DocSet{
		Types: []*ir.Type{
			typ("shape", "", prop("id", str)),
			typ("circle", "shape", prop("id", str)),
			typ("square", "shape", prop("id", str), prop("color", ref("color"))),
			typ("note", "", prop("text", str), prop("mood", ref("mood"))),
			typ("cup", "", prop("id", str)),
			typ("mug", "cup", prop("id", str)),
		},
		Enums: []*ir.Enum{enum("color"), enum("mood")},
		Endpoints: []*ir.Endpoint{
			endpoint("api/shape-create.md", "/users/{user-id}/shapes", ref("shape")),
			endpoint("api/note-create.md", "/me/notes", ref("note")),
			endpoint("api/cup-create.md", "/cups", cups),
		},
	}
}

func selectPlan(t *testing.T, sel Selection) (full, pruned *Plan, p *Pruning) {
	t.Helper()
	full, _, err := NewPlan(selectDocSet())
	if err != nil {
		t.Fatal(err)
	}
	pruned, p, err = full.Select(sel)
	if err != nil {
		t.Fatal(err)
	}
	return full, pruned, p
}

func include(patterns ...string) Selection {
	var sel Selection
	for _, p := range patterns {
		sel.Include = append(sel.Include, Pattern{Text: p})
	}
	return sel
}

func typeNames(p *Plan) []string {
	var out []string
	for _, ti := range p.types {
		out = append(out, ti.goName)
	}
	for _, ei := range p.enums {
		out = append(out, ei.goName)
	}
	slices.Sort(out)
	return out
}

func generatedNames(p *Plan) []string {
	var out []string
	for _, e := range p.endpoints {
		if e.ok {
			out = append(out, e.name)
		}
	}
	return out
}

func TestSelectKeepsWhatTheEndpointReaches(t *testing.T) {
	full, pruned, _ := selectPlan(t, include("CreateShape"))
	if got, want := typeNames(pruned), []string{"Circle", "Color", "Shape", "Square"}; !slices.Equal(got, want) {
		t.Errorf("kept types %q, want %q (the derived types of the polymorphic body stay)", got, want)
	}
	if got := generatedNames(pruned); !slices.Equal(got, []string{"CreateShape"}) {
		t.Errorf("generated endpoints %q, want only CreateShape", got)
	}
	res, err := Emit(pruned, Options{Package: "sel"})
	if err != nil {
		t.Fatal(err)
	}
	var all strings.Builder
	for _, f := range res.Files {
		all.Write(f.Content)
	}
	for _, absent := range []string{"type Note struct", "type Mood string", "type Cup struct", "CreateNote", "CreateCup"} {
		if strings.Contains(all.String(), absent) {
			t.Errorf("output has %q, which nothing selected reaches", absent)
		}
	}
	for _, present := range []string{"type AnyShape struct", "type Circle struct", "type Color string", "CreateShape("} {
		if !strings.Contains(all.String(), present) {
			t.Errorf("output lacks %q", present)
		}
	}
	if i := slices.IndexFunc(res.Endpoints, func(r EndpointResult) bool { return r.Name == "CreateNote" }); i < 0 || res.Endpoints[i].Generated || res.Endpoints[i].Reason != "not selected" {
		t.Errorf("CreateNote result %+v, want not generated, \"not selected\"", res.Endpoints)
	}
	if got := typeNames(full); len(got) != 8 {
		t.Errorf("Select changed the full plan: %q", got)
	}
}

func TestSelectKeepsNames(t *testing.T) {
	full, pruned, _ := selectPlan(t, include("CreateNote"))
	names := map[string]string{}
	for _, ti := range full.types {
		names[ti.qname] = ti.goName
	}
	for _, ti := range pruned.types {
		if names[ti.qname] != ti.goName {
			t.Errorf("%s: named %s when selected, %s in the full plan", ti.qname, ti.goName, names[ti.qname])
		}
	}
	if got, want := typeNames(pruned), []string{"Mood", "Note"}; !slices.Equal(got, want) {
		t.Errorf("kept %q, want %q", got, want)
	}
}

func TestSelectReportsDerivedTypesLeftOut(t *testing.T) {
	_, pruned, p := selectPlan(t, include("POST /cups"))
	if got := typeNames(pruned); !slices.Equal(got, []string{"Cup"}) {
		t.Errorf("kept %q, want only Cup: a collection body is not polymorphic", got)
	}
	if len(p.Derived) != 1 || p.Derived[0].Name != "microsoft.graph.mug" || p.Derived[0].Base != "microsoft.graph.cup" {
		t.Errorf("pruned derived types %+v, want mug (base cup)", p.Derived)
	}
}

func TestSelectPatternKinds(t *testing.T) {
	cases := []struct {
		sel  Selection
		want []string
	}{
		{include("CreateNote"), []string{"CreateNote"}},
		{include("Create*"), []string{"CreateShape", "CreateNote", "CreateCup"}},
		{include("POST /users/{id}/shapes"), []string{"CreateShape"}},
		{include("post /USERS/{x}/Shapes"), nil}, // a method is upper case: this is a Go name glob
		{include("/users/*/shapes"), []string{"CreateShape"}},
		{include("/users/**"), []string{"CreateShape"}},
		{include("/**"), []string{"CreateShape", "CreateNote", "CreateCup"}},
		{include("/ME/notes"), []string{"CreateNote"}},
		{include("api/note-*.md"), []string{"CreateNote"}},
		{include("/api/note-create.md"), nil}, // a route, not a page
		{Selection{Exclude: []Pattern{{Text: "CreateCup"}}}, []string{"CreateShape", "CreateNote"}},
		{Selection{Include: []Pattern{{Text: "/**"}}, Exclude: []Pattern{{Text: "*.md"}}}, []string{}},
	}
	full, _, err := NewPlan(selectDocSet())
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range cases {
		pruned, _, err := full.Select(c.sel)
		if c.want == nil {
			if err == nil {
				t.Errorf("%+v: no error, want a pattern that matches nothing", c.sel)
			}
			continue
		}
		if err != nil {
			t.Errorf("%+v: %v", c.sel, err)
			continue
		}
		if got := generatedNames(pruned); !slices.Equal(got, c.want) && len(got)+len(c.want) > 0 {
			t.Errorf("%+v: generated %q, want %q", c.sel, got, c.want)
		}
	}
}

func TestSelectUnmatchedPatternNamesItsPosition(t *testing.T) {
	full, _, err := NewPlan(selectDocSet())
	if err != nil {
		t.Fatal(err)
	}
	_, _, err = full.Select(Selection{Include: []Pattern{{Text: "CreateNote"}, {Text: "GET /notes", Pos: ir.Pos{File: "cfg.json", Line: 3, Col: 5}}}})
	if err == nil || !strings.Contains(err.Error(), `cfg.json:3:5: include pattern "GET /notes" matches no endpoint`) {
		t.Errorf("error %v, want it at cfg.json:3:5", err)
	}
}

// TestSelectMemberOfSharedRoute selects only the extended-property page of
// testdata/contract/sharedroutes, which the message page's method serves:
// the method is generated, with the selected member's tests only.
func TestSelectMemberOfSharedRoute(t *testing.T) {
	full, _, err := NewPlan(readDocSet(t, "testdata/contract/sharedroutes/input.json"))
	if err != nil {
		t.Fatal(err)
	}
	pruned, _, err := full.Select(include("api/singlevaluelegacyextendedproperty-post-singlevalueextendedproperties.md"))
	if err != nil {
		t.Fatal(err)
	}
	byPage := map[string]*endpointInfo{}
	for _, e := range pruned.endpoints {
		byPage[path.Base(e.ep.Page)] = e
	}
	msg, ext := byPage["user-post-messages.md"], byPage["singlevaluelegacyextendedproperty-post-singlevalueextendedproperties.md"]
	if !msg.ok || ext.primary != msg || len(msg.members) != 1 || msg.members[0] != ext {
		t.Errorf("message page ok=%v members=%d, extended-property primary %p (want %p)", msg.ok, len(msg.members), ext.primary, msg)
	}
	if users := byPage["user-post-users.md"]; users.ok || users.hasTests() {
		t.Errorf("POST /users generated though not selected")
	}
	if _, err := Emit(pruned, Options{Package: "sel"}); err != nil {
		t.Fatal(err)
	}
}

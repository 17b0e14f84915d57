package generator

import (
	"testing"

	"github.com/docs2go/docs2go/parser/ir"
)

// TestParameterOfDerivedType: an action parameter whose type has derived
// types (and that no other endpoint or property reaches) gets its
// polymorphic wrapper named like every other one; it used to be created
// after the wrappers were named and the generator failed on a nil wrapper.
func TestParameterOfDerivedType(t *testing.T) {
	str := ir.TypeRef{Name: "String", Primitive: true}
	shape := ir.TypeRef{Name: "shape", Target: "microsoft.graph.shape"}
	ds := &ir.DocSet{
		Types: []*ir.Type{
			{Name: "circle", Namespace: "microsoft.graph", Base: "microsoft.graph.shape", Properties: []ir.Property{{Name: "radius", Type: str}}},
			{Name: "shape", Namespace: "microsoft.graph", Properties: []ir.Property{{Name: "id", Type: str}},
				Derived: []string{"microsoft.graph.circle"}},
		},
		Endpoints: []*ir.Endpoint{{Kind: ir.OpAction, Page: "api/shape-draw.md", Method: "POST", Status: 204,
			Paths:      []ir.PathSyntax{{Method: "POST", Template: "/draw"}},
			Parameters: []ir.Property{{Name: "shape", Type: shape, Required: true}}}},
	}
	res, err := Generate(ds, Options{Package: "shapes"})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Endpoints) != 1 || !res.Endpoints[0].Generated {
		t.Errorf("endpoints %+v, want the action generated", res.Endpoints)
	}
}

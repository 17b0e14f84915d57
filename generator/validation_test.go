package generator

import (
	"slices"
	"testing"

	"github.com/docs2go/docs2go/parser/ir"
)

// TestDocumentedKeysFollowDerivedTypesOnly: an example object whose
// @odata.type names a type that is not derived from the property's type
// decodes into the property's type (v1.0 application-post-calls.md sends an
// invitationParticipantInfo as a participantInfo), so its read-only keys
// are those of the property's type.
func TestDocumentedKeysFollowDerivedTypesOnly(t *testing.T) {
	str := ir.TypeRef{Name: "String", Primitive: true}
	info := ir.TypeRef{Name: "participantInfo", Target: "microsoft.graph.participantInfo", Collection: true}
	ds := &ir.DocSet{
		Types: []*ir.Type{
			{Name: "call", Namespace: "microsoft.graph", Properties: []ir.Property{{Name: "targets", Type: info}}},
			{Name: "invitationParticipantInfo", Namespace: "microsoft.graph", Properties: []ir.Property{{Name: "identity", Type: str}}},
			{Name: "participantInfo", Namespace: "microsoft.graph", Properties: []ir.Property{{Name: "identity", Type: str, ReadOnly: true}}},
		},
		Endpoints: []*ir.Endpoint{{Kind: ir.OpCreate, Page: "api/call-create.md", Method: "POST", Status: 201,
			Paths: []ir.PathSyntax{{Method: "POST", Template: "/calls"}},
			Body:  &ir.TypeRef{Name: "call", Target: "microsoft.graph.call"},
			Examples: []ir.Example{{Request: &ir.HTTPMessage{Method: "POST", URL: "/calls", Body: &ir.Block{
				Text: `{"targets": [{"@odata.type": "#microsoft.graph.invitationParticipantInfo", "identity": "x"}]}`}}}},
		}},
	}
	plan, _, err := NewPlan(ds)
	if err != nil {
		t.Fatal(err)
	}
	if keys := plan.documentedKeys(plan.endpoints[0]); !slices.Contains(keys, "readonly:targets.identity") {
		t.Errorf("documented keys %v, want readonly:targets.identity", keys)
	}
}

package parser

import "testing"

// TestDescriptionWithBaseSentence: a resource page's description is its
// first paragraph, also when that paragraph ends by naming the base type
// (v1.0 user.md); a paragraph that only names the base is skipped.
func TestDescriptionWithBaseSentence(t *testing.T) {
	for _, tc := range []struct{ intro, want string }{
		{"Represents an Azure AD user account. Inherits from [directoryObject](directoryobject.md).\n\nThis resource supports:",
			"Represents an Azure AD user account. Inherits from directoryObject."},
		{"Inherits from [entity](entity.md).\n\nRepresents a thing.", "Represents a thing."},
		{"This resource inherits from [entity](entity.md).\n\nRepresents a thing.", "Represents a thing."},
	} {
		src := "# user resource type\n\nNamespace: microsoft.graph\n\n" + tc.intro + "\n\n## Properties\n\n| Property | Type | Description |\n|:--|:--|:--|\n| id | String | Read-only. |\n"
		page, _ := ParsePage("resources/user.md", []byte(src))
		if page.Description != tc.want {
			t.Errorf("intro %q: description %q, want %q", tc.intro, page.Description, tc.want)
		}
		if len(page.Resources) != 1 || page.Resources[0].BaseType == nil {
			t.Errorf("intro %q: the base type is not read", tc.intro)
		}
	}
}

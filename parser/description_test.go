package parser

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestDescriptionList: a description paragraph that names the base type
// after saying something is the description; a paragraph right after it
// leading into a list with a colon follows, and the list items as "\n- item"
// lines (the shape of v1.0/resources/user.md).
func TestDescriptionList(t *testing.T) {
	src := "# user resource type\n\nNamespace: microsoft.graph\n\n" +
		"Represents an Azure AD user account. Inherits from [directoryObject](directoryobject.md).\n\n" +
		"This resource supports:\n\n" +
		"- Adding your own data to custom properties as [extensions](/graph/extensibility-overview).\n" +
		"- Subscribing to [change notifications](/graph/webhooks).\n\n" +
		"- Using **delta query**.\n\n" +
		"## Properties\n\n| Property | Type | Description |\n|:--|:--|:--|\n| id | String | Read-only. |\n"
	page, _ := ParsePage("v1.0/resources/user.md", []byte(src))
	want := "Represents an Azure AD user account. Inherits from directoryObject.\n\nThis resource supports:" +
		"\n- Adding your own data to custom properties as extensions.\n- Subscribing to change notifications." +
		"\n- Using delta query."
	if page.Description != want {
		t.Errorf("description = %q, want %q", page.Description, want)
	}
	src2 := "# x resource type\n\nInherits from [entity](entity.md).\n\nThis resource supports:\n\n- One.\n- Two\n\nMore prose.\n\n- Not this.\n"
	page, _ = ParsePage("v1.0/resources/x.md", []byte(src2))
	if want := "This resource supports:\n- One.\n- Two"; page.Description != want {
		t.Errorf("description = %q, want %q", page.Description, want)
	}
	if len(page.Resources) == 0 || page.Resources[0].Description != page.Description {
		t.Errorf("the resource does not take the page description: %+v", page.Resources)
	}
}

// TestCorpusDescriptionList checks user.md and directoryrole.md of both
// snapshots: their description is the first paragraph, and ends with the
// list, not a colon.
func TestCorpusDescriptionList(t *testing.T) {
	for _, snap := range []string{"graph-docs-2019", "graph-docs-2020"} {
		dir := filepath.Join("..", "..", "shared", "corpus", snap, "api-reference")
		t.Run(snap, func(t *testing.T) {
			if _, err := os.Stat(dir); err != nil {
				t.Skipf("corpus not found at %s; skipping", dir)
			}
			for _, f := range []string{"v1.0/resources/user.md", "v1.0/resources/directoryrole.md"} {
				src, err := os.ReadFile(filepath.Join(dir, f))
				if err != nil {
					t.Fatal(err)
				}
				page, _ := ParsePage(f, src)
				d := page.Description
				if !hasPrefixFold(d, "Represents an Azure AD") || !strings.Contains(d, "supports:\n- ") {
					t.Errorf("%s: description %q", f, d)
				}
			}
		})
	}
}

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

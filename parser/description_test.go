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

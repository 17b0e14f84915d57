package parser

import "testing"

// TestTypeNameNotFromTitle: a type is named by its resource annotation
// ("@odata.type", else "@type") or by a one-word title; a title with spaces
// names nothing, and an API page that only says what a type derives from
// declares no resource.
func TestTypeNameNotFromTitle(t *testing.T) {
	const props = "\n\n## Properties\n\n| Property | Type | Description |\n|:--|:--|:--|\n| id | String | Read-only. |\n"
	for _, tc := range []struct {
		what, file, src string
		want            []string // resource names, then enum names
	}{
		{"@type annotation (after beta systemFacet.md)", "resources/systemfacet.md",
			"# System facet\n\nNamespace: microsoft.graph\n\nThe System facet.\n\n## JSON representation\n\n" +
				"<!-- { \"blockType\": \"resource\", \"@type\": \"microsoft.graph.systemFacet\" } -->\n\n```json\n{\n}\n```\n",
			[]string{"systemFacet"}},
		{"one-word title", "resources/keyvalue.md", "# keyValue resource type\n\nNamespace: microsoft.graph\n\nA pair." + props,
			[]string{"keyValue"}},
		{"title with spaces", "resources/x.md", "# System facet\n\nNamespace: microsoft.graph\n\nA facet." + props,
			[]string{""}},
		{"API page naming a base (after beta eventmessage-post-attachments.md)", "api/eventmessage-post-attachments.md",
			"# Add attachment\n\nNamespace: microsoft.graph\n\nAn attachment can be one of the following types, all derived from [attachment](../resources/attachment.md).\n\n" +
				"## HTTP request\n\n```http\nPOST /me/events/{id}/attachments\n```\n",
			nil},
		{"values heading with spaces (after beta permission.md)", "resources/permission.md",
			"# permission resource type\n\nNamespace: microsoft.graph\n\nA permission." + props +
				"\n### Roles property values\n\n| Value | Details |\n|:--|:--|\n| read | Read. |\n",
			[]string{"permission", ""}},
	} {
		page, _ := ParsePage(tc.file, []byte(tc.src))
		var got []string
		for _, r := range page.Resources {
			got = append(got, r.Name)
		}
		for _, e := range page.Enums {
			got = append(got, e.Name)
		}
		if len(got) != len(tc.want) {
			t.Errorf("%s: names %q, want %q", tc.what, got, tc.want)
			continue
		}
		for i := range got {
			if got[i] != tc.want[i] {
				t.Errorf("%s: names %q, want %q", tc.what, got, tc.want)
				break
			}
		}
	}
}

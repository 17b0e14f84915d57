package parser

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/docs2go/docs2go/parser/ir"
)

// TestStatesRequired lists every phrasing of "required" the two corpus
// snapshots use in a description, with the decision for each.
func TestStatesRequired(t *testing.T) {
	for _, tc := range []struct {
		desc string
		want bool
	}{
		{"Required. The name of the group.", true},
		{"The display name for the group. Required.", true},               // v1.0/api/group-post-groups.md
		{"The display name for the group. Required", true},                // no final period
		{"(Required) The appId of the application.", true},                // parenthesised
		{"The scope. This property is required.", true},                   // v1.0/resources/appscope.md
		{"The item ID. This is a required property.", true},               // dynamics-item.md
		{"Provider-generated GUID. Read-only. Required.", true},           // v1.0/resources/alert.md
		{"Required. Read-only when isBuiltIn is true.", true},             // the read-only part is another rule
		{"Not required.", false},                                          // negation
		{"Optional.", false},                                              //
		{"Required if type is weekly.", false},                            // conditional (recurrencepattern.md)
		{"Required if FileVault is enabled, determines the type.", false}, // was required (leading "Required")
		{"Required when includeResourceData is true.", false},             // subscription.md
		{"Required for answering a call.", false},                         // call.md
		{"Required for users that will be assigned licenses due to legal requirement.", false},
		{"Required for timeline history.", false},                     // was required
		{"Required information for meeting scenarios.", false},        // was required
		{"Required and must be positive if type is numbered.", false}, // conditional
		{"Required on create.", false},                                // without onCreate, see below
		{"This property is required when a user is created.", false},  // appears on user-update.md
		{"The property is not individually required.", false},
		{"Possible values are: available, required, uninstall.", false}, // an enum value
		{"Minutes of inactivity before a password is required.", false},
		{"The attendee type: required, optional, resource.", false},
		{"", false},
	} {
		if got := statesRequired(tc.desc, false); got != tc.want {
			t.Errorf("statesRequired(%q, false) = %v, want %v", tc.desc, got, tc.want)
		}
	}
	// In a table of what a create sends, the create condition holds.
	for _, tc := range []struct {
		desc string
		want bool
	}{
		{"The access review name. Required on create.", true}, // accessreview.md
		{"The name to display. This property is required when a user is created and it cannot be cleared during updates.", true},
		{"The name. This property is required when a group is created and cannot be cleared during updates.", true},
		{"This property is required when an item is created.", true},
		{"The mail alias. This property must be specified when a group is created. Supports $filter.", true},
		{"This property is required when a user is created, unless it is a guest.", false},
		{"Required if type is weekly.", false},
		{"Required.", true},
	} {
		if got := statesRequired(tc.desc, true); got != tc.want {
			t.Errorf("statesRequired(%q, true) = %v, want %v", tc.desc, got, tc.want)
		}
	}
}

// TestStatesReadOnly lists the read-only phrasings of the corpus snapshots
// and of newer docs, with the decision for each.
func TestStatesReadOnly(t *testing.T) {
	for _, tc := range []struct {
		desc string
		want bool
	}{
		{"Read-only.", true},
		{"The ID. Read-only. Required.", true},
		{"This property is read-only.", true},
		{"Read only value that indicates version discovered.", true},
		{"Key, Not nullable, Read-only.", true},
		{"This is read-only and automatically generated.", true},
		{"This setting is read-only and can only be changed by administrators in the SharePoint admin center.", true},
		{"Readonly.", true},
		{"For example, midnight UTC on Jan 1, 2014 would look like this: '2014-01-01T00:00:00Z' Read-only.", true}, // device.md
		{`Indicates whether the item is "trending." Read-only.`, true},                                             // itemactivitystat.md: the quote ends the sentence
		{"Optional and Read-only and for OneDrive Personal only.", true},
		{"The description. Read-only when isBuiltIn is true.", false},                            // beta unifiedroledefinition.md
		{"The telephone numbers. Read-only for users synced from on-premises directory.", false}, // newer user.md, businessPhones
		{"Once set, this property is read-only and cannot be changed.", false},                   // schemaextension.md: write-once
		{"After the directory role has been activated, the property is read only.", false},       // directoryrole.md
		{"For an onPremisesSyncEnabled user, this set of properties is mastered on-premises and is read-only.", false},
		{"Indicates if the rule is read-only and cannot be modified or deleted by the rules REST API.", false}, // messagerule.isReadOnly
		{"true if the rule can be customized; false if this rule is read-only and should not be changed.", false},
		{"Whether this team is in read-only mode.", false},                         // team.isArchived
		{"Possible values are: ReadWrite, ReadOnly, Immutable, WriteOnly.", false}, // an enum value
		{"Reader represents read-only access to the notebook.", false},
		{"Reader represents read-only access to the notebook. Read-only.", true},
		{"already-only readonlyish", false},
		{"", false},
	} {
		if got := statesReadOnly(tc.desc); got != tc.want {
			t.Errorf("statesReadOnly(%q) = %v, want %v", tc.desc, got, tc.want)
		}
	}
}

// TestSentences checks the split the two phrase readers work on.
func TestSentences(t *testing.T) {
	got := sentences(`A "b." C; d? (e.) f.g. h`)
	want := []string{`A "b."`, "C;", "d?", "(e.)", "f.g.", "h"}
	if len(got) != len(want) {
		t.Fatalf("sentences = %q, want %q", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("sentence %d = %q, want %q", i, got[i], want[i])
		}
	}
}

// TestCorpusRequiredAndReadOnly checks pages of both snapshots where the
// phrases were misread: a trailing "Required." was ignored and a
// conditional read-only applied to everyone.
func TestCorpusRequiredAndReadOnly(t *testing.T) {
	type want struct {
		page, prop         string
		required, readOnly bool
	}
	cases := map[string][]want{
		"graph-docs-2020": {
			{"v1.0/api/group-post-groups.md", "displayName", true, false},
			{"v1.0/api/group-post-groups.md", "mailEnabled", true, false},
			{"v1.0/api/group-post-groups.md", "mailNickname", true, false},
			{"v1.0/api/group-post-groups.md", "securityEnabled", true, false},
			{"v1.0/api/user-update.md", "passwordProfile", false, false}, // "required when a user is created", on an update
			{"v1.0/resources/user.md", "passwordProfile", true, false},
			{"v1.0/resources/group.md", "mailNickname", true, false},
			{"beta/resources/unifiedroledefinition.md", "displayName", true, false},
			{"beta/resources/unifiedroledefinition.md", "description", false, false},
			{"beta/resources/unifiedroledefinition.md", "id", false, true},
			{"beta/resources/intune-deviceconfig-macosendpointprotectionconfiguration.md", "fileVaultPersonalRecoveryKeyHelpMessage", false, false},
		},
		"graph-docs-2019": {
			{"v1.0/api/group-post-groups.md", "displayName", true, false},
			{"v1.0/resources/directoryrole.md", "roleTemplateId", false, false},
			{"v1.0/resources/team.md", "isArchived", false, false},
		},
	}
	for snap, ws := range cases {
		dir := filepath.Join("..", "..", "shared", "corpus", snap, "api-reference")
		t.Run(snap, func(t *testing.T) {
			if _, err := os.Stat(dir); err != nil {
				t.Skipf("corpus not found at %s; skipping", dir)
			}
			for _, w := range ws {
				src, err := os.ReadFile(filepath.Join(dir, w.page))
				if err != nil {
					t.Fatal(err)
				}
				page, _ := ParsePage(w.page, src)
				p := findProperty(page, w.prop)
				if p == nil {
					t.Errorf("%s: no property %q", w.page, w.prop)
					continue
				}
				if p.Required != w.required || p.ReadOnly != w.readOnly {
					t.Errorf("%s %s: required %v read-only %v, want %v %v (%q)",
						w.page, w.prop, p.Required, p.ReadOnly, w.required, w.readOnly, p.Description)
				}
			}
		})
	}
}

// findProperty returns the body or resource property name of page.
func findProperty(page *ir.Page, name string) *ir.Property {
	var all []ir.Property
	if page.Operation != nil && page.Operation.Body != nil {
		all = append(all, page.Operation.Body.Properties...)
	}
	for _, r := range page.Resources {
		all = append(all, r.Properties...)
	}
	for i := range all {
		if all[i].Name == name {
			return &all[i]
		}
	}
	return nil
}

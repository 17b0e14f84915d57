package apidiff

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/docs2go/docs2go/parser/corpustest"
)

// TestCorpus2019To2020 compares the v1.0 reference of the shared corpus's
// 2019 snapshot with the 2020 one: changes read on the pages must be found,
// false ones fixed earlier must stay away, and the result must not depend
// on the page order.
func TestCorpus2019To2020(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: skipping the corpus comparison")
	}
	root2020 := corpustest.Dir(t) // .../graph-docs-2020/api-reference
	dir2019 := filepath.Join(root2020, "..", "..", "graph-docs-2019", "api-reference", "v1.0")
	if _, err := os.Stat(dir2019); err != nil {
		t.Skipf("2019 snapshot not found at %s; skipping", dir2019)
	}
	oldPages, newPages := readPages(t, dir2019), readPages(t, filepath.Join(root2020, "v1.0"))
	changes := Compare(version(t, oldPages), version(t, newPages), Options{})
	type key struct {
		kind   Kind
		change What
		name   string
	}
	got := map[key]Change{}
	for _, c := range changes {
		got[key{c.Kind, c.Change, c.Name}] = c
	}
	for _, want := range []struct {
		key
		class Class
	}{
		{key{KindProperty, Removed, "microsoft.graph.educationSchool.fax"}, Breaking},
		{key{KindEnumMember, Removed, "microsoft.graph.educationUserRole.none"}, Breaking},
		{key{KindEndpoint, BodyChanged, "POST /me/mailFolders"}, Breaking}, // mailSearchFolder derives from mailFolder
		{key{KindEndpoint, Added, "POST /applications"}, Compatible},
		{key{KindProperty, BecameReadOnly, "microsoft.graph.domain.authenticationType"}, BreakingServers},
	} {
		c, ok := got[want.key]
		switch {
		case !ok:
			t.Errorf("missing %v", want.key)
		case c.Class != want.class:
			t.Errorf("%v: class %s, want %s", want.key, c.Class, want.class)
		}
	}
	for _, c := range changes {
		// The 2020 page writes its permissions as a matrix the parser
		// does not read: no permission of it may be reported removed.
		if c.Change == PermissionRemoved && c.Go == "Client.CreateCalendarEvent" {
			t.Errorf("false permission change: %+v", c)
		}
	}
	if len(changes) < 100 {
		t.Errorf("only %d changes; the two snapshots differ in more than that", len(changes))
	}
}

package link

import (
	"bytes"
	"encoding/json"
	"flag"
	"maps"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/docs2go/docs2go/parser/ir"
	"github.com/google/go-cmp/cmp"
)

var update = flag.Bool("update", false, "rewrite the golden files of testdata/*/docset.golden.json")

// golden is what a case's golden file holds: the DocSet and the
// diagnostics, one formatted string each for readability.
type golden struct {
	DocSet      *ir.DocSet
	Diagnostics []string
}

// loadPages reads every testdata/<case>/pages/*.json file as one ir.Page.
func loadPages(t *testing.T, dir string) []*ir.Page {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(dir, "pages", "*.json"))
	if err != nil || len(files) == 0 {
		t.Fatalf("%s: no pages/*.json (%v)", dir, err)
	}
	var pages []*ir.Page
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		dec := json.NewDecoder(bytes.NewReader(b))
		dec.DisallowUnknownFields() // catch typos in hand-written pages
		var p ir.Page
		if err := dec.Decode(&p); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		pages = append(pages, &p)
	}
	return pages
}

func render(t *testing.T, ds *ir.DocSet, diags ir.Diagnostics) []byte {
	t.Helper()
	g := golden{DocSet: ds}
	for _, d := range diags {
		g.Diagnostics = append(g.Diagnostics, d.String())
	}
	b, err := json.MarshalIndent(g, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	return append(b, '\n')
}

func linkRender(t *testing.T, pages []*ir.Page) []byte {
	t.Helper()
	ds, diags := Link(pages)
	return render(t, ds, diags)
}

// TestGolden links the pages of every testdata case and compares the result
// with the case's docset.golden.json; with -update it rewrites the file.
func TestGolden(t *testing.T) {
	dirs, _ := filepath.Glob(filepath.Join("testdata", "*", "pages"))
	if len(dirs) == 0 {
		t.Fatal("no test cases found under testdata/*/pages")
	}
	for _, pagesDir := range dirs {
		dir := filepath.Dir(pagesDir)
		t.Run(filepath.Base(dir), func(t *testing.T) {
			ds, diags := Link(loadPages(t, dir))
			got := render(t, ds, diags)
			file := filepath.Join(dir, "docset.golden.json")
			if *update {
				if err := os.WriteFile(file, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(file)
			if err != nil {
				t.Fatalf("%v (run with -update to create it)", err)
			}
			if diff := cmp.Diff(string(want), string(got)); diff != "" {
				t.Errorf("%s mismatch (-want +got):\n%s", file, diff)
			}
		})
	}
}

// TestOrderIndependence shuffles the input pages of every case: the output
// must not change.
func TestOrderIndependence(t *testing.T) {
	dirs, _ := filepath.Glob(filepath.Join("testdata", "*", "pages"))
	for _, pagesDir := range dirs {
		dir := filepath.Dir(pagesDir)
		t.Run(filepath.Base(dir), func(t *testing.T) {
			pages := loadPages(t, dir)
			want := linkRender(t, pages)
			r := rand.New(rand.NewPCG(1, 2))
			for i := range 10 {
				shuffled := loadPages(t, dir)
				r.Shuffle(len(shuffled), func(a, b int) { shuffled[a], shuffled[b] = shuffled[b], shuffled[a] })
				if diff := cmp.Diff(string(want), string(linkRender(t, shuffled))); diff != "" {
					t.Fatalf("shuffle %d changed the output (-want +got):\n%s", i, diff)
				}
			}
		})
	}
}

// TestNoMutation checks that Link leaves its input pages as they were.
func TestNoMutation(t *testing.T) {
	dirs, _ := filepath.Glob(filepath.Join("testdata", "*", "pages"))
	for _, pagesDir := range dirs {
		dir := filepath.Dir(pagesDir)
		pages := loadPages(t, dir)
		before, _ := json.Marshal(pages)
		Link(pages)
		after, _ := json.Marshal(pages)
		if diff := cmp.Diff(string(before), string(after)); diff != "" {
			t.Errorf("%s: Link mutated its input (-want +got):\n%s", dir, diff)
		}
	}
}

// TestDegenerate feeds inputs a caller should never send; Link must not
// panic and must report no internal error.
func TestDegenerate(t *testing.T) {
	ref := &ir.TypeRef{Name: "x", Link: "#"}
	cases := map[string][]*ir.Page{
		"nil":        nil,
		"nil page":   {nil},
		"empty page": {{}},
		"empty op":   {{File: "api/a.md", Operation: &ir.Operation{}}},
		"bare create": {{File: "api/a.md", Operation: &ir.Operation{
			Method: "POST", Response: &ir.ResponseSpec{Status: 201, Type: ref},
			Body:     &ir.BodySpec{Type: ref, Properties: []ir.Property{{Name: "a"}, {}}},
			Examples: []ir.Example{{}, {Request: &ir.HTTPMessage{Method: "POST", Body: &ir.Block{Text: "[1,"}}}},
			Paths:    []ir.PathSyntax{{Method: "POST"}},
		}}},
		"self base": {{File: "resources/a.md", Resources: []*ir.Resource{
			{Name: "a", BaseType: &ir.TypeRef{Name: "a"}}, nil, {}}, Enums: []*ir.Enum{nil, {}}}},
	}
	for name, pages := range cases {
		ds, diags := Link(pages)
		if ds == nil {
			t.Errorf("%s: nil DocSet", name)
		}
		for _, d := range diags {
			if d.Code == "internal-error" {
				t.Errorf("%s: %s", name, d)
			}
		}
	}
}

// TestCanonicalDeclaration: when several pages declare one type, the type's
// own page (resources/user.md) gives its description, source and property
// rows, although the intune stub (resources/intune-shared-user.md) sorts
// first; the stub adds the row the own page lacks, and the row where they
// disagree is reported.
func TestCanonicalDeclaration(t *testing.T) {
	ds, diags := Link(loadPages(t, filepath.Join("testdata", "canonical")))
	var user *ir.Type
	for _, ty := range ds.Types {
		if ty.QualifiedName() == "microsoft.graph.user" {
			user = ty
		}
	}
	if user == nil {
		t.Fatalf("no user type in %v", ds.Types)
	}
	if got := user.Sources[0].File; got != "resources/user.md" {
		t.Errorf("user's first source is %s, want resources/user.md", got)
	}
	if want := "Represents an Azure AD user account."; user.Description != want {
		t.Errorf("user's description is %q, want %q", user.Description, want)
	}
	props := map[string]ir.Property{}
	for _, p := range user.Properties {
		props[p.Name] = p
	}
	if !props["id"].ReadOnly {
		t.Error("user.id is not read-only: the stub's row won over the own page's")
	}
	if props["mail"].Type.Name != "String" {
		t.Errorf("user.mail is %s, want the own page's String", props["mail"].Type.Name)
	}
	if _, ok := props["deviceEnrollmentLimit"]; !ok {
		t.Error("the stub's deviceEnrollmentLimit row was not merged")
	}
	conflict := false
	for _, d := range diags {
		if d.Code == "type-merge-conflict" && d.Pos.File == "resources/intune-shared-user.md" &&
			strings.Contains(d.Message, "user.mail is Int32 here but String in resources/user.md") {
			conflict = true
		}
	}
	if !conflict {
		t.Errorf("no conflict reported at the stub's mail row; diagnostics: %v", diags)
	}
}

// TestTitleIsNoTypeName: a resource or enum whose name is not one word (a
// title or heading another producer of pages left in) is reported and left
// out instead of becoming a type "Add attachment".
func TestTitleIsNoTypeName(t *testing.T) {
	pos := ir.Pos{File: "api/x.md", Line: 10, Col: 1}
	pages := []*ir.Page{{File: "api/x.md", Kind: ir.PageAPI, Title: "Add attachment",
		Resources: []*ir.Resource{{Name: "Add attachment", Namespace: "microsoft.graph", Pos: pos,
			Properties: []ir.Property{{Name: "id", Type: ir.TypeRef{Name: "String", Primitive: true}}}}},
		Enums: []*ir.Enum{{Name: "Roles property", Namespace: "microsoft.graph", Pos: pos,
			Members: []ir.EnumMember{{Name: "read"}}}}}}
	l := newLinker(pages)
	l.indexDeclarations()
	if len(l.defs) != 0 {
		t.Errorf("declarations indexed: %v", slices.Collect(maps.Keys(l.defs)))
	}
	n := 0
	for _, d := range l.diags {
		if d.Code == "invalid-type-name" && d.Pos == pos {
			n++
		}
	}
	if n != 2 {
		t.Errorf("%d invalid-type-name warnings, want 2: %v", n, l.diags)
	}
}

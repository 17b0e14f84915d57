package generator

import (
	"bytes"
	"path/filepath"
	"slices"
	"testing"

	"github.com/dave/jennifer/jen"

	"github.com/docs2go/docs2go/parser/corpustest"
	"github.com/docs2go/docs2go/parser/ir"
	"github.com/docs2go/docs2go/parser/link"
)

// renderWhole renders f as jen does, unformatted.
func renderWhole(t *testing.T, f *jen.File) []byte {
	t.Helper()
	f.NoFormat = true
	var buf bytes.Buffer
	if err := f.Render(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestSplitHead(t *testing.T) {
	decl := func(f *jen.File, qual ...string) {
		for i, path := range qual {
			f.Var().Id("v"+string(rune('a'+i))).Op("=").Qual(path, "X")
		}
		f.Func().Id("g").Params().Block()
	}
	for _, tc := range []struct {
		name    string
		imports []string // the paths used, in order
		setup   func(f *jen.File)
		ok      bool
	}{
		{name: "no imports", ok: true},
		{name: "one import", imports: []string{"net/http"}, ok: true},
		{name: "several imports", imports: []string{"time", "context", "encoding/json"}, ok: true},
		{name: "versioned path", imports: []string{"math/rand/v2"}, ok: true},
		{name: "aliased import", imports: []string{"github.com/google/go-cmp/cmp"}},
		{name: "alias in a block", imports: []string{"time", "example.com/x-y"}},
		{name: "two packages named rand", imports: []string{"math/rand", "crypto/rand"}},
		{name: "dot import", imports: []string{"strings"}, setup: func(f *jen.File) { f.ImportAlias("strings", ".") }},
		{name: "blank import", setup: func(f *jen.File) { f.Anon("embed") }},
		{name: "cgo", imports: []string{"C"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := jen.NewFile("p")
			if tc.setup != nil {
				tc.setup(f)
			}
			decl(f, tc.imports...)
			src := renderWhole(t, f)
			body, imports, ok := splitHead(bytes.Clone(src), "p")
			if ok != tc.ok {
				t.Fatalf("ok = %v, want %v for\n%s", ok, tc.ok, src)
			}
			if !ok {
				return
			}
			var got []string
			for _, p := range imports {
				got = append(got, string(p))
			}
			want := slices.Sorted(slices.Values(tc.imports))
			if !slices.Equal(got, want) {
				t.Errorf("imports %q, want %q", got, want)
			}
			// The head written again before the body gives jen's bytes back.
			var head bytes.Buffer
			if err := writeFileHead(&head, "p", "Code generated. DO NOT EDIT.", got); err != nil {
				t.Fatal(err)
			}
			f.HeaderComment("Code generated. DO NOT EDIT.")
			if whole := renderWhole(t, f); string(whole) != head.String()+string(body) {
				t.Errorf("head and body give\n%s\nwant\n%s", head.String()+string(body), whole)
			}
		})
	}
	if _, _, ok := splitHead([]byte("package q\n\nfunc f() {}\n"), "p"); ok {
		t.Error("another package's clause was cut off")
	}
}

// TestRenderGroupedMatchesWholeFile renders the files of every testdata
// case unit by unit, with one, two and the usual number of units a batch,
// and wants the bytes of the file rendered whole.
func TestRenderGroupedMatchesWholeFile(t *testing.T) {
	cases, _ := filepath.Glob("testdata/*/input.json")
	if len(cases) == 0 {
		t.Fatal("no testdata/*/input.json")
	}
	for _, path := range cases {
		t.Run(filepath.Base(filepath.Dir(path)), func(t *testing.T) {
			checkGrouped(t, readDocSet(t, path), 1, 2, unitsPerBatch)
		})
	}
}

// TestRenderGroupedCorpus is TestRenderGroupedMatchesWholeFile on the
// shared corpus (both docs versions).
func TestRenderGroupedCorpus(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: the corpus takes a minute")
	}
	for _, v := range []string{"v1.0", "beta"} {
		t.Run(v, func(t *testing.T) {
			ds, _ := link.Link(corpustest.Pages(t, v))
			checkGrouped(t, ds, unitsPerBatch)
		})
	}
}

// checkGrouped compares renderGrouped with rendering buildGrouped's file
// for each file of units of ds, server.go and server_test.go included.
func checkGrouped(t *testing.T, ds *ir.DocSet, perBatch ...int) {
	t.Helper()
	em := emitter{Plan: mustPlan(t, ds), pkg: "generated"}
	type file struct {
		units  []unit
		header string
	}
	var files []file
	for _, grp := range groupUnits(append(em.modelUnits(), em.endpointUnits()...)) {
		files = append(files, file{grp, ""})
	}
	files = append(files, file{em.serverUnits(), sharedHeader}, file{em.exampleServerUnits(), sharedHeader})
	units := 0
	for _, fl := range files {
		grp := fl.units
		f, wantSources := em.buildGrouped(grp, fl.header)
		want := renderWhole(t, f)
		units += len(grp)
		for _, n := range perBatch {
			var got bytes.Buffer
			sources, cuts, ok, err := em.renderGrouped(grp, n, fl.header, &got)
			if err != nil {
				t.Fatal(err)
			}
			if !ok {
				t.Fatalf("%s: not rendered unit by unit", grp[0].file)
			}
			if all := topLevelCuts(got.Bytes()); len(cuts) == 0 || !isSubset(cuts, all) {
				t.Errorf("%s, %d units a batch: cuts %v are not among the top-level cuts %v", grp[0].file, n, cuts, all)
			}
			if !bytes.Equal(got.Bytes(), want) {
				t.Fatalf("%s, %d units a batch: rendered unit by unit, it differs from the whole file:\n%s", grp[0].file, n, firstDiff(got.Bytes(), want))
			}
			if !slices.Equal(sources, wantSources) {
				t.Errorf("%s: sources %q, want %q", grp[0].file, sources, wantSources)
			}
		}
	}
	if units == 0 {
		t.Error("no units")
	}
}

// TestRenderUnitsFallback gives renderUnits units whose imports do not
// merge (two packages named rand, an alias) and wants the file formatted
// as a whole file, and units that merge rendered the same way.
func TestRenderUnitsFallback(t *testing.T) {
	qualUnit := func(name, path string) unit {
		return unit{file: "f.go", order: name, emit: func(em emitter, f *jen.File) []string {
			f.Comment(name + " is a test declaration.")
			f.Var().Id(name).Op("=").Qual(path, "Int")
			return []string{"docs/" + name + ".md"}
		}}
	}
	for _, tc := range []struct {
		name  string
		units []unit
		merge bool
	}{
		{name: "merging", units: []unit{qualUnit("a", "math/rand"), qualUnit("b", "time"), qualUnit("c", "math/rand")}, merge: true},
		{name: "two rands", units: []unit{qualUnit("a", "math/rand"), qualUnit("b", "crypto/rand")}},
		{name: "alias", units: []unit{qualUnit("a", "time"), qualUnit("b", "example.com/a-b")}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			o := &output{em: emitter{Plan: &Plan{}, pkg: "p"}}
			var buf bytes.Buffer
			_, _, ok, err := o.em.renderGrouped(tc.units, 1, "", &buf)
			if err != nil || ok != tc.merge {
				t.Fatalf("renderGrouped: ok %v, %v; want ok %v", ok, err, tc.merge)
			}
			f, _ := o.em.buildGrouped(tc.units, "")
			want, err := o.renderOne(renderJob{path: "f.go", f: f}, new(bytes.Buffer))
			if err != nil {
				t.Fatal(err)
			}
			got, sources, err := o.renderUnits(renderJob{path: "f.go", units: tc.units}, new(bytes.Buffer))
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("got\n%s\nwant\n%s", got, want)
			}
			if len(sources) != len(tc.units) {
				t.Errorf("sources %q, want one a unit", sources)
			}
		})
	}
}

func TestWriteRaw(t *testing.T) {
	var r rawBodies
	a, b := r.marker([]byte(`{"a":1}`)), r.marker([]byte("[]"))
	c, d := r.marker(nil), r.textMarker(" comment\n// text")
	for _, tc := range []struct {
		name, src, want string
		ok              bool
	}{
		{name: "in order", src: "const x = " + a + "\nconst y = " + b + "\nconst z = " + c + "\n//" + d + "\n",
			want: "const x = `{\"a\":1}`\nconst y = `[]`\nconst z = ``\n// comment\n// text\n", ok: true},
		{name: "swapped", src: "const x = " + b + "\nconst y = " + a + "\n" + c + d},
		{name: "one missing", src: "const x = " + a + "\n" + b + c},
		{name: "one twice", src: a + a + b + c + d},
		{name: "stray NUL", src: "x\x00y" + a + b + c + d},
		{name: "unclosed", src: a + b + c + d + "\x00" + "4"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var dst bytes.Buffer
			ok := writeRaw(&dst, []byte(tc.src), r.bodies)
			if ok != tc.ok {
				t.Fatalf("ok = %v, want %v", ok, tc.ok)
			}
			if ok && dst.String() != tc.want {
				t.Errorf("wrote %q, want %q", dst.String(), tc.want)
			}
		})
	}
	var dst bytes.Buffer
	if !writeRaw(&dst, []byte("no markers"), nil) || dst.String() != "no markers" {
		t.Errorf("without markers: %q", dst.String())
	}
}

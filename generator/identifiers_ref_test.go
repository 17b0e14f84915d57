package generator

import (
	"fmt"
	"maps"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"unicode"

	"github.com/docs2go/docs2go/parser/ir"
)

// exportWordRef and lowerWordRef are exportWord and lowerWord as first
// written (a lower-cased copy for the initialism lookup, a rune slice for
// the case change): the reference the allocation-free paths must agree with.
func exportWordRef(w string) string {
	if in, ok := initialisms[strings.ToLower(w)]; ok {
		return in
	}
	rs := []rune(w)
	rs[0] = unicode.ToUpper(rs[0])
	return string(rs)
}

func lowerWordRef(w string) string {
	if _, ok := initialisms[strings.ToLower(w)]; ok {
		return strings.ToLower(w)
	}
	rs := []rune(w)
	rs[0] = unicode.ToLower(rs[0])
	return string(rs)
}

// goNameRef is goName as first written, on the reference words.
func goNameRef(s string) string {
	var b strings.Builder
	for _, w := range words(s) {
		b.WriteString(exportWordRef(w))
	}
	n := b.String()
	if n == "" {
		return "X"
	}
	if r := []rune(n)[0]; !unicode.IsUpper(r) {
		n = "X" + n
	}
	return n
}

// TestNamesMatchReference compares goName, exportWord and lowerWord with
// their first spelling on the hostile names, every initialism in three
// casings, and random names over letters, digits, separators and
// non-ASCII runes (some whose lower case is ASCII, like the Kelvin sign,
// and invalid UTF-8).
func TestNamesMatchReference(t *testing.T) {
	names := append([]string{}, hostileNames...)
	for k := range initialisms {
		if len(k) > initialismMax {
			t.Errorf("initialism %q is longer than initialismMax (%d)", k, initialismMax)
		}
		names = append(names, k, strings.ToUpper(k), exportWordRef(k)+"Name", "x"+strings.ToUpper(k))
	}
	alphabet := []string{"a", "b", "z", "A", "Z", "I", "D", "id", "Url", "HTTP", "0", "9", "-", "_", ".", " ", "@",
		"(", ")", "*", "é", "İ", "ß", "\u212a", "Ω", "名", "ǅ", "\xff", "OData", "odata", "(deprecated)"}
	rng := rand.New(rand.NewPCG(3, 4))
	for range 20000 {
		var b strings.Builder
		for range 1 + rng.IntN(8) {
			b.WriteString(alphabet[rng.IntN(len(alphabet))])
		}
		names = append(names, b.String())
	}
	for _, s := range names {
		if got, want := goName(s), goNameRef(s); got != want {
			t.Errorf("goName(%q) = %q, reference %q", s, got, want)
		}
		for _, w := range words(s) {
			if got, want := exportWord(w), exportWordRef(w); got != want {
				t.Errorf("exportWord(%q) = %q, reference %q", w, got, want)
			}
			if got, want := lowerWord(w), lowerWordRef(w); got != want {
				t.Errorf("lowerWord(%q) = %q, reference %q", w, got, want)
			}
		}
		if s != "" && len(words(s)) == 0 {
			if got, want := exportWord(s), exportWordRef(s); got != want {
				t.Errorf("exportWord(%q) = %q, reference %q", s, got, want)
			}
		}
	}
}

// TestFieldScopeMatchesNamer wants a fieldScope to name a request's
// fields as a namer given them one at a time would.
func TestFieldScopeMatchesNamer(t *testing.T) {
	bases := []string{"ID", "ID2", "ID3", "Body", "Header", "Query", "Body2", "X"}
	rng := rand.New(rand.NewPCG(5, 6))
	for range 500 {
		scope := fieldScope{"Body", "Header"}
		n := newNamer(new(ir.Diagnostics), "Body", "Header")
		for k := range 1 + rng.IntN(8) {
			b := bases[rng.IntN(len(bases))]
			key := fmt.Sprint(k)
			if got, want := scope.add(b), n.assign([]want{{Key: key, Base: b}})[key]; got != want {
				t.Fatalf("scope %q: add(%q) = %q, namer %q", scope, b, got, want)
			}
		}
	}
}

// TestNameFieldsMatchesNamer names random property tables, with and
// without collisions among themselves or with the fixed names, and wants
// the names and findings a namer gives every table.
func TestNameFieldsMatchesNamer(t *testing.T) {
	props := []string{"id", "ID", "userName", "user-name", "additionalData", "odataType", "@odata.type", "name", "a b", "x"}
	rng := rand.New(rand.NewPCG(7, 8))
	for range 500 {
		typ := &ir.Type{Name: "item"}
		for k := range rng.IntN(6) {
			typ.Properties = append(typ.Properties, ir.Property{Name: props[rng.IntN(len(props))], Pos: ir.Pos{File: "item.md", Line: k + 1}})
		}
		ti := &typeInfo{t: typ, goName: "Item"}
		got := nameFields(ti)
		var namerDiags ir.Diagnostics
		var ws []want
		for _, f := range ti.fields {
			ws = append(ws, want{Key: f.prop.Name, Base: goName(f.prop.Name), What: "field of Item", Pos: f.prop.Pos})
		}
		fixed := []string{"AdditionalData", "MarshalJSON", "UnmarshalJSON", "ODataType"}
		if !ti.odata {
			fixed = fixed[:3]
		}
		names := newNamer(&namerDiags, fixed...).assign(ws)
		for _, f := range ti.fields {
			if f.goName != names[f.prop.Name] {
				t.Errorf("%v: field %q named %q, namer %q", typ.Properties, f.prop.Name, f.goName, names[f.prop.Name])
			}
		}
		var gotNames, wantNames []string
		for _, d := range got {
			if d.Code == ir.CodeNameCollision {
				gotNames = append(gotNames, d.String())
			}
		}
		for _, d := range namerDiags {
			wantNames = append(wantNames, d.String())
		}
		if !slices.Equal(gotNames, wantNames) {
			t.Errorf("%v: findings %q, namer %q", typ.Properties, gotNames, wantNames)
		}
	}
}

// TestAssignFreeMatches assigns random batches twice, once telling the
// namer which wants are Free (no identifier taken in the scope or by
// another want's IDs) and once not, and wants the same names and
// findings: also when a want renumbered earlier takes a Free want's
// identifier (A collides and becomes A2, which a Free want holds).
func TestAssignFreeMatches(t *testing.T) {
	bases := []string{"A", "A2", "A22", "B", "B2", "C"}
	derive := func(b string) []string { return []string{b, b + "Request"} }
	rng := rand.New(rand.NewPCG(9, 10))
	for range 2000 {
		reserved := []string{bases[rng.IntN(len(bases))]}
		var ws []want
		for k := range 1 + rng.IntN(6) {
			b := bases[rng.IntN(len(bases))]
			ws = append(ws, want{Key: fmt.Sprint(k), Base: b, IDs: derive(b), Derive: derive, What: "endpoint"})
		}
		held := map[string]int{}
		for _, w := range ws {
			for _, id := range w.IDs {
				held[id]++
			}
		}
		free := slices.Clone(ws)
		for i, w := range free {
			free[i].Free = !slices.ContainsFunc(w.IDs, func(id string) bool { return held[id] > 1 || slices.Contains(reserved, id) })
		}
		var d1, d2 ir.Diagnostics
		got, want := newNamer(&d1, reserved...).assign(free), newNamer(&d2, reserved...).assign(ws)
		if !maps.Equal(got, want) || !slices.Equal(d1, d2) {
			t.Fatalf("reserved %q, wants %v: with Free %v %v, without %v %v", reserved, free, got, d1, want, d2)
		}
	}
}

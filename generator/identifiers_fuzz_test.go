package generator

import (
	"go/token"
	"math/rand/v2"
	"regexp"
	"strings"
	"testing"

	"github.com/docs2go/docs2go/parser/ir"
)

// Property tests of the Go name mapping: every identifier taken
// from docs becomes a valid, unique, deterministic Go identifier.
//
//	go test ./generator -run='^$' -fuzz='^FuzzGoName$' -fuzztime=60s

// hostileNames are doc names that could break the mapping: keywords, leading digits,
// non-ASCII, punctuation, names equal up to case, 300-character names.
var hostileNames = []string{
	"", " ", "_", "type", "func", "range", "go", "map", "chan", "String", "string", "nil", "error", "iota",
	"10thValue", "2fa", "0", "١٢٣", "größe", "名前", "ÿ", "ǅx", "Ωmega", "ß", "İd", "@odata.type", "x@odata.bind",
	"a-b", "a.b", "a b", "**id** (deprecated)", "`x`", "<br>", "id", "ID", "Id", "iD", "userId", "userID", "user_id",
	"user-id", "a\x00b", "\xff\xfe", "é\u0301", strings.Repeat("a", 300), strings.Repeat("Ab1-", 75),
	strings.Repeat("名", 300), "http", "HTTPServer", "x", "X", "X2", "x2",
}

// layoutFile is the shape of every file a name can be placed in: never a
// build-constrained name such as models_linux.go.
var layoutFile = regexp.MustCompile(`^(models|endpoints)_([a-z]|other)(\.go)?$`)

// checkName checks one doc name against the contract of goName,
// localName and the layout.
func checkName(t *testing.T, s string) {
	t.Helper()
	g := goName(s)
	if !token.IsIdentifier(g) || !token.IsExported(g) {
		t.Fatalf("goName(%q) = %q: not an exported identifier", s, g)
	}
	if g != goName(s) {
		t.Fatalf("goName(%q) is not deterministic", s)
	}
	l := localName(s)
	if !token.IsIdentifier(l) || token.IsExported(l) || predeclared[l] {
		t.Fatalf("localName(%q) = %q: not an unexported, unshadowing identifier", s, l)
	}
	for _, f := range []string{modelsFile(g), endpointsStem(g)} {
		if !layoutFile.MatchString(f) {
			t.Fatalf("file of %q (%q) = %q: not models_<letter>.go or endpoints_<letter>", s, g, f)
		}
	}
}

func TestNameContract(t *testing.T) {
	for _, s := range hostileNames {
		checkName(t, s)
	}
}

// FuzzGoName fuzzes the name mapping with arbitrary strings.
func FuzzGoName(f *testing.F) {
	for _, s := range hostileNames {
		f.Add(s)
	}
	f.Fuzz(checkName)
}

// TestNamerUnique assigns names to random sets of doc names built to
// collide (case variants, punctuation, digits) and checks that the names
// are distinct, valid, independent of the input order, and that every
// renamed one is reported.
func TestNamerUnique(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 7))
	for round := range 300 {
		keys := map[string]bool{}
		for range 1 + r.IntN(40) {
			keys[randomDocName(r)] = true
		}
		var ws []want
		for k := range keys {
			ws = append(ws, want{Key: k, Base: goName(k), What: "type", Pos: ir.Pos{File: "p.md", Line: 1}})
		}
		var d1, d2 ir.Diagnostics
		got := newNamer(&d1, "Server").assign(ws)
		r.Shuffle(len(ws), func(i, j int) { ws[i], ws[j] = ws[j], ws[i] })
		again := newNamer(&d2, "Server").assign(ws)
		seen := map[string]string{}
		renamed := 0
		for k, n := range got {
			if again[k] != n {
				t.Fatalf("round %d: %q named %q, then %q after shuffling", round, k, n, again[k])
			}
			if !token.IsIdentifier(n) || !token.IsExported(n) || n == "Server" {
				t.Fatalf("round %d: %q named %q", round, k, n)
			}
			if other, ok := seen[n]; ok {
				t.Fatalf("round %d: %q and %q are both %q", round, k, other, n)
			}
			seen[n] = k
			if n != goName(k) {
				renamed++
			}
		}
		if len(got) != len(keys) {
			t.Fatalf("round %d: %d names for %d keys", round, len(got), len(keys))
		}
		if len(d1) != renamed || len(d2) != renamed {
			t.Fatalf("round %d: %d renamed, %d and %d name-collision diagnostics", round, renamed, len(d1), len(d2))
		}
	}
}

// randomDocName draws a doc name from parts that map to the same Go name.
func randomDocName(r *rand.Rand) string {
	parts := []string{"id", "ID", "Id", "user", "User", "-", "_", ".", "@", " ", "2", "x", "X", "type", "名", "é", "server", "values"}
	var b strings.Builder
	for range 1 + r.IntN(4) {
		b.WriteString(parts[r.IntN(len(parts))])
	}
	if r.IntN(50) == 0 {
		b.WriteString(strings.Repeat("a", 300))
	}
	return b.String()
}

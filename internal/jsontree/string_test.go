package jsontree

import (
	"encoding/json"
	"math/rand/v2"
	"testing"
)

// TestStringTokenMatchesDecoder: every string token the strict reading
// accepts decodes to what encoding/json gives, whether it takes the
// shortcut for strings without escapes or the decoder.
func TestStringTokenMatchesDecoder(t *testing.T) {
	alphabet := []string{"a", " ", "\\", "\"", "n", "u", "0", "é", "\U0001F600", "\xff", "\xe2\x82", "\t", "\u2028", "/"}
	rng := rand.New(rand.NewPCG(1, 2))
	cases := []string{`""`, `"plain"`, `"tab\tescaped"`, `"\u00e9"`, "\"\xff\"", `"\ud800"`, "\"caf\xc3\xa9\""}
	for range 20000 {
		s := `"`
		for range rng.IntN(8) {
			s += alphabet[rng.IntN(len(alphabet))]
		}
		cases = append(cases, s+`"`)
	}
	checked := 0
	for _, tok := range cases {
		if !json.Valid([]byte(tok)) {
			continue
		}
		var want string
		if err := json.Unmarshal([]byte(tok), &want); err != nil {
			t.Fatal(err)
		}
		n, err := Parse(tok).Strict()
		if err != nil {
			t.Fatalf("Parse(%q).Strict(): %v", tok, err)
		}
		if n.Str != want {
			t.Errorf("Parse(%q).Strict().Str = %q, encoding/json gives %q", tok, n.Str, want)
		}
		checked++
	}
	if checked < 1000 {
		t.Fatalf("only %d valid tokens checked", checked)
	}
}

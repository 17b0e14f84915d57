package jsontree

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"

	"github.com/docs2go/docs2go/parser/corpustest"
)

// decoderJSON is the encoding/json Decoder.Token walk that reader
// replaces, kept as its specification: Read must give the same tree (keys,
// offsets, texts) and the same error message on every input. Offsets come
// from Decoder.InputOffset: a token starts after the separators following
// the previous one.
func decoderJSON(text string) (*Node, error) {
	d := &decoderSpec{dec: json.NewDecoder(strings.NewReader(text)), text: text}
	d.dec.UseNumber()
	v, err := d.value()
	if err != nil {
		return nil, err
	}
	if _, err := d.dec.Token(); err != io.EOF {
		return nil, errors.New("text after the JSON value")
	}
	return v, nil
}

type decoderSpec struct {
	dec  *json.Decoder
	text string
}

// token reads a token and returns where it starts and ends.
func (d *decoderSpec) token() (tok json.Token, start, end int, err error) {
	start = int(d.dec.InputOffset())
	for start < len(d.text) && strings.IndexByte(" \t\r\n,:", d.text[start]) >= 0 {
		start++
	}
	tok, err = d.dec.Token()
	return tok, start, int(d.dec.InputOffset()), err
}

func (d *decoderSpec) value() (*Node, error) {
	tok, start, end, err := d.token()
	if err != nil {
		return nil, err
	}
	n := &Node{Off: start, Raw: d.text[start:end]}
	switch t := tok.(type) {
	case json.Delim:
		if t == '{' {
			err = d.object(n)
		} else if t == '[' {
			err = d.array(n)
		} else {
			return nil, fmt.Errorf("unexpected %q", rune(t))
		}
		if err != nil {
			return nil, err
		}
		n.Raw = d.text[start:d.dec.InputOffset()]
	case string:
		n.Kind, n.Str = String, t
	case json.Number:
		n.Kind = Number
	case bool:
		n.Kind = Bool
	default:
		n.Kind = Null
	}
	return n, nil
}

func (d *decoderSpec) object(n *Node) error {
	n.Kind = Object
	for d.dec.More() {
		tok, start, _, err := d.token()
		if err != nil {
			return err
		}
		key, _ := tok.(string)
		val, err := d.value()
		if err != nil {
			return err
		}
		n.Members = append(n.Members, Member{Key: key, KeyOff: start, Val: val})
	}
	_, err := d.dec.Token() // '}'
	return err
}

func (d *decoderSpec) array(n *Node) error {
	n.Kind = Array
	for d.dec.More() {
		e, err := d.value()
		if err != nil {
			return err
		}
		n.Elems = append(n.Elems, e)
	}
	_, err := d.dec.Token() // ']'
	return err
}

// blankSpec is the Blank that copied every body, kept as the
// specification of the copy-on-change one.
func blankSpec(text string) string {
	b := []byte(text)
	inStr := false
	for i := 0; i < len(b); i++ {
		c := b[i]
		switch {
		case inStr:
			if c == '\\' {
				i++
			} else if c == '"' {
				inStr = false
			}
		case c == '"':
			inStr = true
		case c == '`' && (i == 0 || b[i-1] == '\n') && bytes.HasPrefix(b[i:], []byte("```")):
			for ; i < len(b) && b[i] != '\n'; i++ {
				b[i] = ' '
			}
		case c == '/' && i+1 < len(b) && b[i+1] == '/':
			for ; i < len(b) && b[i] != '\n'; i++ {
				b[i] = ' '
			}
		case c == ',':
			rest := bytes.TrimLeft(b[i+1:], " \t\r\n")
			if len(rest) > 0 && (rest[0] == '}' || rest[0] == ']') {
				b[i] = ' '
			}
		}
	}
	return string(b)
}

// jsonEquivCases probe every state and error of the reader: each token in
// each position, truncations, escapes, numbers, literals, comments and
// trailing commas (before and after blanking), invalid UTF-8.
var jsonEquivCases = []string{
	"", " ", "{}", "[]", "{ }", "[ ]", `{"a":1}`, ` {"a" : 1 , "b":[1,2,{"c":null}]} `, `"x"`, "1", "-0", "-0.5e+10",
	"0.1E-3", "01", "-", "-x", "1.", "1.x", "1e", "1e+", "1ex", "1E5x", "00", "-01", "1.5.5", "tru", "true", "truex",
	"trUe", "fals", "falsE", "nul", "nulL", "null ", "nil", "x", "{", "[", "}", "]", ":", ",", "{,}", "[,]", "[1,]",
	`{"a":1,}`, "[1 2]", `{"a" 1}`, `{"a":1 "b":2}`, `{"a"}`, `{"a":}`, `{:1}`, `{1:2}`, `{"a":1]`, `[1}`, `[}`, `{]`,
	"[1,,2]", "[[]]", "[{}]", `[{"a":[{"b":{}}]}]`, `{"a":{"b":{"c":[[1],[2]]}}}`, `{"a"::1}`, `{"a":1,,"b":2}`,
	`["a" "b"]`, `["a":"b"]`, `{"a":1}{}`, `{"a":1} x`, `[] []`, `1 2`, `"a" "b"`, `{"a":1}  `, "\t\r\n{}\n",
	`"\"\\\/\b\f\n\r\t"`, `"\u00e9\u20AC"`, `"\ud800"`, `"\ud83d\ude00"`, `"\u12"`, `"\u12g4"`, `"\x"`, `"\`, `"\u`,
	`"abc`, "\"a\nb\"", "\"a\tb\"", "\"a\x00b\"",
	"[1,//c\n]", "[1//c", "`", "``", "```", "x\n```y\n{}", "{\"a\\\"//\":1}", "[1,\t\r\n]",
	"\"\xff\"", "\"é\"", "\xff", "é", `{"\u0061":1}`, `{"a\"b":1}`,
	`{"é":1}`, "{\"\xff\":1}", `{"":1}`, `{"a":1,"a":2}`, "// c\n{}", "{\"a\":1, // c\n\"b\":2}", "{\"a\":1,\n}",
	"[1,\n]", "{\"a\":\"//x\"}", "```json\n{}\n```", "{\"a\":[1,2,],}", "{} // c", "'a'", `{'a':1}`, "[1,2",
	`{"a":1,"b"`, `{"a":1,"b":`, `{"a":1,`, "[-]", "[1e5,-2.5E-3,0,-0]", "[true,false,null]", "[truefalse]",
	"[1true]", `{"a":"b"c}`, "[\"a\"1]", "{\"a\":1\n,\"b\":2\n}", "[0x10]", "[.5]", "[+1]", "[1_000]", "[NaN]",
	"[Infinity]", "{\"a\":-}", "{\"a\":tru}", "[\"\\u00\"]", "\xef\xbb\xbf{}",
	// encoding/json's nesting limit: the strict reading refuses 10001.
	strings.Repeat("[", 10000) + strings.Repeat("]", 10000), strings.Repeat("[", 10001) + strings.Repeat("]", 10001),
	strings.Repeat(`{"a":`, 10001) + "1" + strings.Repeat("}", 10001), strings.Repeat("[", 10001),
}

// jsonPieces build random texts over the reader's tokens.
var jsonPieces = []string{
	"{", "}", "[", "]", ":", ",", " ", "\n", `"a"`, `"`, `\`, "1", "-", ".", "e", "0", "true", "t", "null", "// x\n",
	"\xff", "u", `"\u00e9"`, `"k":`, "```", "/", "\\", "`",
}

// TestReadDecoder checks Read, Blank and Parse against their
// specifications on edge cases, random token soup and, unless -short,
// every example body of the corpus.
func TestReadDecoder(t *testing.T) {
	check := func(s string) { checkJSON(t, s) }
	for _, s := range jsonEquivCases {
		check(s)
	}
	r := rand.New(rand.NewPCG(7, 7))
	for range 50000 {
		var b strings.Builder
		for range r.IntN(12) {
			b.WriteString(jsonPieces[r.IntN(len(jsonPieces))])
		}
		check(b.String())
	}
	t.Run("corpus", func(t *testing.T) {
		if testing.Short() {
			t.Skip("the corpus part is skipped with -short")
		}
		n := 0
		for _, version := range []string{"v1.0", "beta"} {
			for _, p := range corpustest.Pages(t, version) {
				if p.Operation == nil {
					continue
				}
				for _, ex := range p.Operation.Examples {
					if ex.Request != nil && ex.Request.Body != nil {
						check(ex.Request.Body.Text)
						n++
					}
					if ex.Response != nil && ex.Response.Body != nil {
						check(ex.Response.Body.Text)
						n++
					}
				}
			}
		}
		t.Logf("%d corpus bodies", n)
	})
}

// FuzzReadJSON checks the JSON reader against its specifications on
// fuzzed texts.
//
//	go test ./internal/jsontree -run='^$' -fuzz='^FuzzReadJSON$' -fuzztime=60s
func FuzzReadJSON(f *testing.F) {
	for _, s := range jsonEquivCases {
		f.Add(s)
	}
	f.Fuzz(checkJSON)
}

// checkJSON compares Read with decoderJSON, Blank with blankSpec, a Doc's
// lenient reading with both specifications together, and its strict
// reading with encoding/json's verdict.
func checkJSON(t *testing.T, s string) {
	t.Helper()
	checkJSONEquiv(t, "Read", s, Read, decoderJSON)
	d := Parse(s)
	checkJSONEquiv(t, "Lenient", s, func(string) (*Node, error) { return d.Lenient() }, func(s string) (*Node, error) {
		return decoderJSON(blankSpec(s))
	})
	if got, want := Blank(s), blankSpec(s); got != want {
		t.Fatalf("Blank(%q) = %q, want %q", s, got, want)
	}
	checkStrict(t, s, d)
}

// checkStrict: the strict reading accepts what encoding/json accepts, with
// the Decoder walk's tree, and otherwise gives encoding/json's message at
// an offset inside the text.
func checkStrict(t *testing.T, s string, d *Doc) {
	t.Helper()
	root, serr := d.Strict()
	if json.Valid([]byte(s)) {
		if serr != nil {
			t.Fatalf("Strict(%q): %v, encoding/json accepts it", s, serr)
		}
		want, err := decoderJSON(s)
		if err != nil || !reflect.DeepEqual(root, want) {
			t.Fatalf("Strict(%q) = %s, Decoder %s (%v)", s, dumpJSON(root), dumpJSON(want), err)
		}
		if n, bound := countNodes(root), maxValues(s); n > bound {
			t.Fatalf("Strict(%q) has %d nodes, maxValues says at most %d", s, n, bound)
		}
		return
	}
	var raw json.RawMessage
	want := strings.TrimPrefix(json.Unmarshal([]byte(s), &raw).Error(), "json: ")
	if root != nil || serr == nil || serr.Msg != want || serr.Off < 0 || serr.Off > len(s) {
		t.Fatalf("Strict(%q) = %s, %v; encoding/json: %s", s, dumpJSON(root), serr, want)
	}
}

func checkJSONEquiv(t *testing.T, name, s string, got, want func(string) (*Node, error)) {
	t.Helper()
	gv, gerr := got(s)
	wv, werr := want(s)
	if fmt.Sprint(gerr) != fmt.Sprint(werr) {
		t.Fatalf("%s(%q): error %v, Decoder %v", name, s, gerr, werr)
	}
	if !reflect.DeepEqual(gv, wv) {
		t.Fatalf("%s(%q) = %s, Decoder %s", name, s, dumpJSON(gv), dumpJSON(wv))
	}
}

// dumpJSON formats a tree with its offsets for failure messages.
func dumpJSON(v *Node) string {
	if v == nil {
		return "nil"
	}
	switch v.Kind {
	case Object:
		var parts []string
		for _, m := range v.Members {
			parts = append(parts, fmt.Sprintf("%q@%d:%s", m.Key, m.KeyOff, dumpJSON(m.Val)))
		}
		return fmt.Sprintf("@%d{%s}", v.Off, strings.Join(parts, ","))
	case Array:
		var parts []string
		for _, e := range v.Elems {
			parts = append(parts, dumpJSON(e))
		}
		return fmt.Sprintf("@%d[%s]", v.Off, strings.Join(parts, ","))
	}
	return fmt.Sprintf("@%d%s(%q%q)", v.Off, v.Kind, v.Str, v.Raw)
}

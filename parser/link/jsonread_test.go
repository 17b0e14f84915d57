package link

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

// decoderJSON is the encoding/json Decoder.Token walk that jsonReader
// replaces, kept as its specification: readJSON must give the same tree
// (keys, offsets, number texts) and the same error message on every input.
func decoderJSON(text string) (*jsonValue, error) {
	dec := json.NewDecoder(strings.NewReader(text))
	dec.UseNumber()
	v, err := decoderValue(dec)
	if err != nil {
		return nil, err
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, errors.New("text after the JSON value")
	}
	return v, nil
}

func decoderValue(dec *json.Decoder) (*jsonValue, error) {
	tok, err := dec.Token()
	if err != nil {
		return nil, err
	}
	switch t := tok.(type) {
	case json.Delim:
		if t == '{' {
			return decoderObject(dec)
		}
		if t == '[' {
			return decoderArray(dec)
		}
		return nil, fmt.Errorf("unexpected %q", rune(t))
	case string:
		return &jsonValue{kind: jsonString, str: t}, nil
	case json.Number:
		return &jsonValue{kind: jsonNumber, num: t}, nil
	case bool:
		return &jsonValue{kind: jsonBool}, nil
	default:
		return &jsonValue{kind: jsonNull}, nil
	}
}

func decoderObject(dec *json.Decoder) (*jsonValue, error) {
	v := &jsonValue{kind: jsonObject}
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return nil, err
		}
		key, _ := tok.(string)
		// InputOffset is just past the key's closing quote.
		off := int(dec.InputOffset()) - len(key) - 2
		val, err := decoderValue(dec)
		if err != nil {
			return nil, err
		}
		v.members = append(v.members, jsonMember{key: key, off: max(off, 0), val: val})
	}
	_, err := dec.Token() // '}'
	return v, err
}

func decoderArray(dec *json.Decoder) (*jsonValue, error) {
	v := &jsonValue{kind: jsonArray}
	for dec.More() {
		e, err := decoderValue(dec)
		if err != nil {
			return nil, err
		}
		v.elems = append(v.elems, e)
	}
	_, err := dec.Token() // ']'
	return v, err
}

// blankSpec is the blankJSONNoise that copied every body, kept as the
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
}

// jsonPieces build random texts over the reader's tokens.
var jsonPieces = []string{
	"{", "}", "[", "]", ":", ",", " ", "\n", `"a"`, `"`, `\`, "1", "-", ".", "e", "0", "true", "t", "null", "// x\n",
	"\xff", "u", `"\u00e9"`, `"k":`, "```", "/", "\\", "`",
}

// TestReadJSONDecoder checks readJSON, blankJSONNoise and parseJSON against
// their specifications on edge cases, random token soup and, unless -short,
// every example body of the corpus.
func TestReadJSONDecoder(t *testing.T) {
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
//	go test ./parser/link -run='^$' -fuzz='^FuzzReadJSON$' -fuzztime=60s
func FuzzReadJSON(f *testing.F) {
	for _, s := range jsonEquivCases {
		f.Add(s)
	}
	f.Fuzz(checkJSON)
}

// checkJSON compares readJSON with decoderJSON, blankJSONNoise with
// blankSpec, and parseJSON with both specifications together.
func checkJSON(t *testing.T, s string) {
	t.Helper()
	checkJSONEquiv(t, "readJSON", s, readJSON, decoderJSON)
	checkJSONEquiv(t, "parseJSON", s, parseJSON, func(s string) (*jsonValue, error) {
		return decoderJSON(blankSpec(s))
	})
	if got, want := blankJSONNoise(s), blankSpec(s); got != want {
		t.Fatalf("blankJSONNoise(%q) = %q, want %q", s, got, want)
	}
}

func checkJSONEquiv(t *testing.T, name, s string, got, want func(string) (*jsonValue, error)) {
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
func dumpJSON(v *jsonValue) string {
	if v == nil {
		return "nil"
	}
	switch v.kind {
	case jsonObject:
		var parts []string
		for _, m := range v.members {
			parts = append(parts, fmt.Sprintf("%q@%d:%s", m.key, m.off, dumpJSON(m.val)))
		}
		return "{" + strings.Join(parts, ",") + "}"
	case jsonArray:
		var parts []string
		for _, e := range v.elems {
			parts = append(parts, dumpJSON(e))
		}
		return "[" + strings.Join(parts, ",") + "]"
	}
	return fmt.Sprintf("%d(%q%q)", v.kind, v.str, v.num)
}

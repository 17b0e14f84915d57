package link

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/docs2go/docs2go/parser/ir"
)

// jsonKind is the kind of a JSON value.
type jsonKind int

const (
	jsonNull jsonKind = iota
	jsonString
	jsonNumber
	jsonBool
	jsonObject
	jsonArray
)

// jsonValue is a parsed JSON value that keeps object keys in document order
// and each key's offset, so inferred properties keep the example's order and
// point at their line.
type jsonValue struct {
	kind    jsonKind
	str     string
	num     json.Number
	members []jsonMember
	elems   []*jsonValue
}

type jsonMember struct {
	key string
	off int // byte offset of the key's opening quote in the text
	val *jsonValue
}

// field returns the value of key (exact match), or nil.
func (v *jsonValue) field(key string) *jsonValue {
	if v == nil {
		return nil
	}
	for _, m := range v.members {
		if m.key == key {
			return m.val
		}
	}
	return nil
}

// odataType returns the object's "@odata.type" without the leading "#".
func (v *jsonValue) odataType() string {
	if t := v.field("@odata.type"); t != nil && t.kind == jsonString {
		return strings.TrimPrefix(strings.TrimSpace(t.str), "#")
	}
	return ""
}

// parseJSON parses an example body. Trailing commas, // comments (47 and 10
// resource blocks in the corpus) and stray fence lines are blanked out
// first, keeping offsets.
func parseJSON(text string) (*jsonValue, error) {
	dec := json.NewDecoder(strings.NewReader(blankJSONNoise(text)))
	dec.UseNumber()
	v, err := decodeValue(dec)
	if err != nil {
		return nil, err
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, errors.New("text after the JSON value")
	}
	return v, nil
}

func decodeValue(dec *json.Decoder) (*jsonValue, error) {
	tok, err := dec.Token()
	if err != nil {
		return nil, err
	}
	switch t := tok.(type) {
	case json.Delim:
		if t == '{' {
			return decodeObject(dec)
		}
		if t == '[' {
			return decodeArray(dec)
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

func decodeObject(dec *json.Decoder) (*jsonValue, error) {
	v := &jsonValue{kind: jsonObject}
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return nil, err
		}
		key, _ := tok.(string)
		// InputOffset is just past the key's closing quote.
		off := int(dec.InputOffset()) - len(key) - 2
		val, err := decodeValue(dec)
		if err != nil {
			return nil, err
		}
		v.members = append(v.members, jsonMember{key: key, off: max(off, 0), val: val})
	}
	_, err := dec.Token() // '}'
	return v, err
}

func decodeArray(dec *json.Decoder) (*jsonValue, error) {
	v := &jsonValue{kind: jsonArray}
	for dec.More() {
		e, err := decodeValue(dec)
		if err != nil {
			return nil, err
		}
		v.elems = append(v.elems, e)
	}
	_, err := dec.Token() // ']'
	return v, err
}

// blankJSONNoise replaces // comments and trailing commas outside strings
// with spaces.
func blankJSONNoise(text string) string {
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
			// A stray fence line inside the body (beta dynamics-create-*.md
			// open a second ```json fence inside the http one).
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

// offsetPos converts a byte offset in a block's text to a position.
func offsetPos(blk *ir.Block, off int) ir.Pos {
	if off > len(blk.Text) {
		off = len(blk.Text)
	}
	before := blk.Text[:off]
	nl := strings.Count(before, "\n")
	if nl == 0 {
		return ir.Pos{File: blk.Pos.File, Line: blk.Pos.Line, Col: blk.Pos.Col + off}
	}
	return ir.Pos{File: blk.Pos.File, Line: blk.Pos.Line + nl, Col: off - strings.LastIndexByte(before, '\n')}
}

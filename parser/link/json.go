package link

import (
	"encoding/json"
	"errors"
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
	return readJSON(blankJSONNoise(text))
}

// readJSON parses one JSON value with jsonReader; only white space may
// follow it.
func readJSON(text string) (*jsonValue, error) {
	r := jsonReader{s: text}
	v, err := r.value()
	if err != nil {
		return nil, err
	}
	if _, err := r.token(); err != io.EOF {
		return nil, errors.New("text after the JSON value")
	}
	return v, nil
}

// blankJSONNoise replaces // comments and trailing commas outside strings
// with spaces. Most bodies have neither: the text is copied only at the
// first change.
func blankJSONNoise(text string) string {
	var b []byte
	blank := func(from, to int) {
		if b == nil {
			b = []byte(text)
		}
		for k := from; k < to; k++ {
			b[k] = ' '
		}
	}
	inStr := false
	for i := 0; i < len(text); i++ {
		c := text[i]
		switch {
		case inStr:
			if c == '\\' {
				i++
			} else if c == '"' {
				inStr = false
			}
		case c == '"':
			inStr = true
		case c == '`' && (i == 0 || text[i-1] == '\n') && strings.HasPrefix(text[i:], "```"),
			c == '/' && i+1 < len(text) && text[i+1] == '/':
			// A // comment, or a stray fence line inside the body (beta
			// dynamics-create-*.md open a second ```json fence inside the
			// http one): blank up to the end of the line.
			end := i + lineLen(text[i:])
			blank(i, end)
			i = end
		case c == ',':
			rest := strings.TrimLeft(text[i+1:], " \t\r\n")
			if len(rest) > 0 && (rest[0] == '}' || rest[0] == ']') {
				blank(i, i+1)
			}
		}
	}
	if b == nil {
		return text
	}
	return string(b)
}

// lineLen is the length of s up to its first newline.
func lineLen(s string) int {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return i
	}
	return len(s)
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

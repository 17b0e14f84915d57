package check

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"
)

// kind is the JSON kind of a node.
type kind int

const (
	kNull kind = iota
	kBool
	kNumber
	kString
	kArray
	kObject
)

func (k kind) String() string {
	return [...]string{"null", "boolean", "number", "string", "array", "object"}[k]
}

// node is a JSON value with the byte offset of its first byte in the body.
type node struct {
	kind    kind
	off     int
	raw     string   // the value's bytes as written (for strings: with quotes)
	str     string   // decoded string, for kString
	members []member // kObject, document order (duplicates kept)
	elems   []*node  // kArray
}

// member is one key of an object.
type member struct {
	key    string
	keyOff int
	val    *node
}

// syntaxError is invalid JSON at a byte offset of the body.
type syntaxError struct {
	off int
	msg string
}

func (e *syntaxError) Error() string { return e.msg }

// parseJSON parses text exactly as encoding/json accepts it: validity is
// decided by encoding/json itself, so a body this package calls valid is one
// the generated code can decode. The tree is then built by a small
// recursive-descent reader that records offsets, which encoding/json does not
// expose.
func parseJSON(text string) (*node, error) {
	// The syntax scan only, so a number too large for float64 is still
	// valid JSON here; Unmarshal into a RawMessage (the same scan) runs
	// only to get the error's offset.
	if !json.Valid([]byte(text)) {
		var raw json.RawMessage
		return nil, jsonSyntaxError(text, json.Unmarshal([]byte(text), &raw))
	}
	r := &reader{s: text}
	n, err := r.value(0)
	if err != nil {
		// Unreachable for input encoding/json accepted; kept so a bug
		// here is a diagnostic, not a panic.
		return nil, &syntaxError{off: r.i, msg: err.Error()}
	}
	return n, nil
}

// jsonSyntaxError converts an encoding/json error into an offset pointing
// at the offending byte. SyntaxError.Offset counts the bytes read, the bad
// one included; an unexpected end points after the last non-space byte.
func jsonSyntaxError(text string, err error) *syntaxError {
	var se *json.SyntaxError
	if !errors.As(err, &se) {
		return &syntaxError{off: 0, msg: err.Error()}
	}
	msg := strings.TrimPrefix(se.Error(), "json: ")
	if msg == "unexpected end of JSON input" {
		end := len(strings.TrimRight(text, " \t\r\n"))
		return &syntaxError{off: end, msg: msg}
	}
	off := int(se.Offset) - 1
	off = max(0, min(off, len(text)))
	return &syntaxError{off: off, msg: msg}
}

// reader builds the node tree of already validated JSON.
type reader struct {
	s string
	i int
}

const maxDepth = 10000 // encoding/json's own nesting limit

func (r *reader) space() {
	for r.i < len(r.s) && strings.IndexByte(" \t\r\n", r.s[r.i]) >= 0 {
		r.i++
	}
}

func (r *reader) value(depth int) (*node, error) {
	if depth > maxDepth {
		return nil, errors.New("exceeded max depth")
	}
	r.space()
	if r.i >= len(r.s) {
		return nil, errors.New("unexpected end of JSON input")
	}
	start := r.i
	var n *node
	var err error
	switch c := r.s[r.i]; {
	case c == '{':
		n, err = r.object(depth)
	case c == '[':
		n, err = r.array(depth)
	case c == '"':
		n, err = r.string()
	case c == 't' || c == 'f':
		n, err = r.word(kBool)
	case c == 'n':
		n, err = r.word(kNull)
	default:
		n, err = r.number()
	}
	if err != nil {
		return nil, err
	}
	n.off = start
	n.raw = r.s[start:r.i]
	return n, nil
}

func (r *reader) object(depth int) (*node, error) {
	n := &node{kind: kObject}
	r.i++ // '{'
	for {
		r.space()
		if r.i < len(r.s) && r.s[r.i] == '}' {
			r.i++
			return n, nil
		}
		if r.i < len(r.s) && r.s[r.i] == ',' {
			r.i++
			r.space()
		}
		keyOff := r.i
		k, err := r.string()
		if err != nil {
			return nil, err
		}
		r.space()
		if r.i >= len(r.s) || r.s[r.i] != ':' {
			return nil, fmt.Errorf("want ':' after object key")
		}
		r.i++
		v, err := r.value(depth + 1)
		if err != nil {
			return nil, err
		}
		n.members = append(n.members, member{key: k.str, keyOff: keyOff, val: v})
	}
}

func (r *reader) array(depth int) (*node, error) {
	n := &node{kind: kArray}
	r.i++ // '['
	for {
		r.space()
		if r.i < len(r.s) && r.s[r.i] == ']' {
			r.i++
			return n, nil
		}
		if r.i < len(r.s) && r.s[r.i] == ',' {
			r.i++
		}
		v, err := r.value(depth + 1)
		if err != nil {
			return nil, err
		}
		n.elems = append(n.elems, v)
	}
}

// string reads a string token and decodes it with encoding/json, so escape
// handling (and invalid UTF-8 replacement) is exactly the decoder's. A
// string without escapes whose bytes are valid UTF-8 decodes to its
// bytes (the syntax scan already refused control characters): most are,
// and the decoder was a fifth of the example checks.
func (r *reader) string() (*node, error) {
	start := r.i
	if r.i >= len(r.s) || r.s[r.i] != '"' {
		return nil, errors.New("want a string")
	}
	r.i++
	for r.i < len(r.s) {
		switch r.s[r.i] {
		case '\\':
			r.i += 2
			continue
		case '"':
			r.i++
			n := &node{kind: kString, off: start, raw: r.s[start:r.i]}
			if inner := n.raw[1 : len(n.raw)-1]; !strings.Contains(inner, `\`) && utf8.ValidString(inner) {
				n.str = inner
				return n, nil
			}
			if err := json.Unmarshal([]byte(n.raw), &n.str); err != nil {
				return nil, err
			}
			return n, nil
		}
		r.i++
	}
	return nil, errors.New("unterminated string")
}

func (r *reader) word(k kind) (*node, error) {
	for r.i < len(r.s) && r.s[r.i] >= 'a' && r.s[r.i] <= 'z' {
		r.i++
	}
	return &node{kind: k}, nil
}

func (r *reader) number() (*node, error) {
	start := r.i
	for r.i < len(r.s) && strings.IndexByte("+-0123456789.eE", r.s[r.i]) >= 0 {
		r.i++
	}
	if r.i == start {
		return nil, fmt.Errorf("invalid character %q", r.s[r.i])
	}
	return &node{kind: kNumber}, nil
}

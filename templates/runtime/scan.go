package runtime

import (
	"bytes"
	"encoding/json"
	"errors"
	"unicode/utf8"
)

// The scanner of the one-pass decoder (unmarshal.go): it reads JSON
// tokens in place and checks their syntax as strictly as encoding/json,
// so that the decoder accepts exactly the bodies json.Valid accepts. It
// reports only that the syntax is broken: the message with the byte
// offset is encoding/json's, computed once a request has failed.

// maxNesting is encoding/json's nesting limit: deeper values are invalid.
const maxNesting = 10000

// errSyntax marks a body the scanner found malformed.
var errSyntax = errors.New("malformed JSON")

// reader is a position in a JSON text.
type reader struct {
	data  []byte
	pos   int
	depth int
	err   error // the first failure; every step stops once it is set
}

func (r *reader) fail(err error) {
	if r.err == nil {
		r.err = err
	}
}

// next skips whitespace and returns the next byte, 0 at the end.
func (r *reader) next() byte {
	for r.pos < len(r.data) {
		switch c := r.data[r.pos]; c {
		case ' ', '\t', '\n', '\r':
			r.pos++
		default:
			return c
		}
	}
	return 0
}

// expect consumes c, the next byte after whitespace.
func (r *reader) expect(c byte) bool {
	if r.next() != c {
		r.fail(errSyntax)
		return false
	}
	r.pos++
	return true
}

// literal consumes the keyword lit (true, false, null) at the position.
func (r *reader) literal(lit string) bool {
	if len(r.data)-r.pos < len(lit) || string(r.data[r.pos:r.pos+len(lit)]) != lit {
		r.fail(errSyntax)
		return false
	}
	r.pos += len(lit)
	return true
}

// str consumes the string at the position and returns what is between
// its quotes; plain reports that those bytes are the value as they are (no
// escapes, valid UTF-8), else unquoteJSON gives the value.
func (r *reader) str() (inner []byte, plain bool) {
	start := r.pos + 1
	plain = true
	ascii := true
	for i := start; i < len(r.data); i++ {
		switch c := r.data[i]; {
		case c == '"':
			r.pos = i + 1
			inner = r.data[start:i]
			if !ascii && plain {
				plain = utf8.Valid(inner)
			}
			return inner, plain
		case c == '\\':
			plain = false
			i++
			if i >= len(r.data) {
				break
			}
			switch r.data[i] {
			case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
			case 'u':
				if i+4 >= len(r.data) || !isHex(r.data[i+1]) || !isHex(r.data[i+2]) || !isHex(r.data[i+3]) || !isHex(r.data[i+4]) {
					r.fail(errSyntax)
					return nil, false
				}
				i += 4
			default:
				r.fail(errSyntax)
				return nil, false
			}
		case c < 0x20:
			r.fail(errSyntax)
			return nil, false
		case c >= utf8.RuneSelf:
			ascii = false
		}
	}
	r.fail(errSyntax)
	return nil, false
}

func isHex(c byte) bool { return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F' }

// unquoteJSON returns the value of a JSON string token that is not plain:
// escapes resolved, invalid UTF-8 replaced, as encoding/json does.
func unquoteJSON(token []byte) string {
	var s string
	json.Unmarshal(token, &s) // the scanner checked the token
	return s
}

// stringValue consumes a string and returns its value.
func (r *reader) stringValue() string {
	start := r.pos
	inner, plain := r.str()
	if r.err != nil {
		return ""
	}
	if plain {
		return string(inner)
	}
	return unquoteJSON(r.data[start:r.pos])
}

// number consumes a number: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
func (r *reader) number() []byte {
	start, i := r.pos, r.pos
	if i < len(r.data) && r.data[i] == '-' {
		i++
	}
	switch {
	case i < len(r.data) && r.data[i] == '0':
		i++
	case i < len(r.data) && '1' <= r.data[i] && r.data[i] <= '9':
		i = digits(r.data, i)
	default:
		r.fail(errSyntax)
		return nil
	}
	if i < len(r.data) && r.data[i] == '.' {
		j := digits(r.data, i+1)
		if j == i+1 {
			r.fail(errSyntax)
			return nil
		}
		i = j
	}
	if i < len(r.data) && (r.data[i] == 'e' || r.data[i] == 'E') {
		i++
		if i < len(r.data) && (r.data[i] == '+' || r.data[i] == '-') {
			i++
		}
		j := digits(r.data, i)
		if j == i {
			r.fail(errSyntax)
			return nil
		}
		i = j
	}
	r.pos = i
	return r.data[start:i]
}

func digits(data []byte, i int) int {
	for i < len(data) && '0' <= data[i] && data[i] <= '9' {
		i++
	}
	return i
}

// skip consumes one value of any kind, checking its syntax, and returns
// its bytes.
func (r *reader) skip() []byte {
	start := r.pos
	switch r.next() {
	case '{':
		r.eachMember(func([]byte, bool) { r.skip() })
	case '[':
		r.eachElement(func() { r.skip() })
	case '"':
		r.str()
	case 't':
		r.literal("true")
	case 'f':
		r.literal("false")
	case 'n':
		r.literal("null")
	default:
		r.number()
	}
	if r.err != nil {
		return nil
	}
	return r.data[skipSpace(r.data, start):r.pos]
}

// enter and leave count nesting; deeper than encoding/json allows fails.
func (r *reader) enter() bool {
	r.depth++
	if r.depth > maxNesting {
		r.fail(errSyntax)
		return false
	}
	return true
}

func (r *reader) leave() { r.depth-- }

// eachMember consumes the object at the position (after whitespace),
// calling member with each key's inner bytes (plain as str reports) once
// the position is at its value, which member must consume.
func (r *reader) eachMember(member func(key []byte, plain bool)) {
	if !r.expect('{') || !r.enter() {
		return
	}
	defer r.leave()
	if r.next() == '}' {
		r.pos++
		return
	}
	for r.err == nil {
		if r.next() != '"' {
			r.fail(errSyntax)
			return
		}
		key, plain := r.str()
		if r.err != nil || !r.expect(':') {
			return
		}
		r.next()
		member(key, plain)
		if r.err != nil {
			return
		}
		switch r.next() {
		case ',':
			r.pos++
		case '}':
			r.pos++
			return
		default:
			r.fail(errSyntax)
		}
	}
}

// eachElement consumes the array at the position, calling element with
// the position at each element, which element must consume.
func (r *reader) eachElement(element func()) {
	if !r.expect('[') || !r.enter() {
		return
	}
	defer r.leave()
	if r.next() == ']' {
		r.pos++
		return
	}
	for r.err == nil {
		r.next()
		element()
		if r.err != nil {
			return
		}
		switch r.next() {
		case ',':
			r.pos++
		case ']':
			r.pos++
			return
		default:
			r.fail(errSyntax)
		}
	}
}

// arrayLen counts the elements of the array at data[i] (its '[') by a
// quick skim that follows only strings and brackets, so that a decoder
// can size the slice once; the decode checks the syntax. It returns 0
// for an empty or unterminated array, and the array's length in bytes.
func arrayLen(data []byte, i int) (n, size int) {
	start := i
	depth, commas, empty := 0, 0, true
	for ; i < len(data); i++ {
		switch data[i] {
		case ' ', '\t', '\n', '\r':
			continue
		case '"':
			if i = stringEnd(data, i+1); i < 0 {
				return 0, 0
			}
		case '[', '{':
			depth++
		case ']', '}':
			if depth--; depth == 0 {
				if empty {
					return 0, i + 1 - start
				}
				return commas + 1, i + 1 - start
			}
		case ',':
			if depth == 1 {
				commas++
			}
		}
		empty = empty && depth == 1 && data[i] == '['
	}
	return 0, 0
}

// stringEnd is the index of the quote that ends the string whose content
// starts at data[i], -1 when there is none.
func stringEnd(data []byte, i int) int {
	for {
		q := bytes.IndexByte(data[i:], '"')
		if q < 0 {
			return -1
		}
		i += q
		escapes := 0
		for j := i - 1; j >= 0 && data[j] == '\\'; j-- {
			escapes++
		}
		if escapes%2 == 0 {
			return i
		}
		i++
	}
}

// keyName is the name a member's key bytes stand for.
func keyName(key []byte, plain bool) string {
	if plain {
		return string(key)
	}
	return unquoteJSON(append(append([]byte{'"'}, key...), '"'))
}

// validJSON reports whether data is one JSON value between whitespace,
// as json.Valid does.
func validJSON(data []byte) bool {
	r := reader{data: data}
	if r.next() == 0 {
		return false
	}
	r.skip()
	return r.err == nil && r.next() == 0 && r.pos == len(data)
}

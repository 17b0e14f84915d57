package link

import (
	"encoding/json"
	"errors"
	"io"
	"strconv"
)

// jsonReader reads JSON text token by token like encoding/json's
// Decoder.Token, with the same state machine and the same error messages
// (skip reasons quote them), but straight from the string: Decoder.Token
// boxed every token in an interface and re-scanned every scalar, a quarter
// of Link's time. jsonread_test.go checks it against the Decoder walk.
type jsonReader struct {
	s     string
	pos   int
	state tokState
	stack []tokState // states of the enclosing arrays and objects
}

// tokState is where the reader is, as Decoder.Token's tokenState.
type tokState uint8

const (
	tokTopValue tokState = iota
	tokArrayStart
	tokArrayValue
	tokArrayComma
	tokObjectStart
	tokObjectKey
	tokObjectColon
	tokObjectValue
	tokObjectComma
)

// tokContext completes the "invalid character" message in each state.
var tokContext = [...]string{
	tokTopValue:    " looking for beginning of value",
	tokArrayStart:  " looking for beginning of value",
	tokArrayValue:  " looking for beginning of value",
	tokArrayComma:  " after array element",
	tokObjectStart: "",
	tokObjectKey:   " looking for beginning of object key string",
	tokObjectColon: " after object key",
	tokObjectValue: " looking for beginning of value",
	tokObjectComma: " after object key:value pair",
}

// jsonToken is a delimiter ('[', ']', '{', '}') or, when delim is 0, a
// scalar: its kind and, for strings and numbers, its text.
type jsonToken struct {
	delim byte
	kind  jsonKind
	text  string
}

// value reads one value, as the Decoder walk did: a scalar or a whole
// array or object.
func (r *jsonReader) value() (*jsonValue, error) {
	t, err := r.token()
	if err != nil {
		return nil, err
	}
	switch t.delim {
	case 0:
		return t.value(), nil
	case '{':
		return r.object()
	case '[':
		return r.array()
	}
	return nil, errors.New("unexpected " + strconv.QuoteRune(rune(t.delim)))
}

func (t jsonToken) value() *jsonValue {
	switch t.kind {
	case jsonString:
		return &jsonValue{kind: jsonString, str: t.text}
	case jsonNumber:
		return &jsonValue{kind: jsonNumber, num: json.Number(t.text)}
	}
	return &jsonValue{kind: t.kind}
}

// object reads the members after '{'.
func (r *jsonReader) object() (*jsonValue, error) {
	v := &jsonValue{kind: jsonObject}
	for r.more() {
		t, err := r.token()
		if err != nil {
			return nil, err
		}
		// Decoder.InputOffset minus the decoded key: the quote's offset
		// unless the key has escapes.
		off := r.pos - len(t.text) - 2
		val, err := r.value()
		if err != nil {
			return nil, err
		}
		v.members = append(v.members, jsonMember{key: t.text, off: max(off, 0), val: val})
	}
	_, err := r.token() // '}'
	return v, err
}

// array reads the elements after '['.
func (r *jsonReader) array() (*jsonValue, error) {
	v := &jsonValue{kind: jsonArray}
	for r.more() {
		e, err := r.value()
		if err != nil {
			return nil, err
		}
		v.elems = append(v.elems, e)
	}
	_, err := r.token() // ']'
	return v, err
}

// more reports whether another element or member follows (Decoder.More).
func (r *jsonReader) more() bool {
	c, ok := r.peek()
	return ok && c != ']' && c != '}'
}

// peek skips white space and returns the next byte; false at the end.
func (r *jsonReader) peek() (byte, bool) {
	for ; r.pos < len(r.s); r.pos++ {
		switch c := r.s[r.pos]; c {
		case ' ', '\t', '\r', '\n':
		default:
			return c, true
		}
	}
	return 0, false
}

// token returns the next token; commas and colons are checked and skipped.
// At the end of the text it returns io.EOF.
func (r *jsonReader) token() (jsonToken, error) {
	for {
		c, ok := r.peek()
		if !ok {
			return jsonToken{}, io.EOF
		}
		switch c {
		case '[', '{':
			if !r.valueAllowed() {
				return jsonToken{}, r.invalid(c, tokContext[r.state])
			}
			r.pos++
			r.stack = append(r.stack, r.state)
			r.state = tokArrayStart
			if c == '{' {
				r.state = tokObjectStart
			}
			return jsonToken{delim: c}, nil
		case ']', '}':
			start, comma := tokArrayStart, tokArrayComma
			if c == '}' {
				start, comma = tokObjectStart, tokObjectComma
			}
			if r.state != start && r.state != comma {
				return jsonToken{}, r.invalid(c, tokContext[r.state])
			}
			r.pos++
			r.state = r.stack[len(r.stack)-1]
			r.stack = r.stack[:len(r.stack)-1]
			r.valueEnd()
			return jsonToken{delim: c}, nil
		case ':':
			if r.state != tokObjectColon {
				return jsonToken{}, r.invalid(c, tokContext[r.state])
			}
			r.pos++
			r.state = tokObjectValue
			continue
		case ',':
			switch r.state {
			case tokArrayComma:
				r.state = tokArrayValue
			case tokObjectComma:
				r.state = tokObjectKey
			default:
				return jsonToken{}, r.invalid(c, tokContext[r.state])
			}
			r.pos++
			continue
		case '"':
			if r.state == tokObjectStart || r.state == tokObjectKey {
				s, err := r.str()
				if err != nil {
					return jsonToken{}, err
				}
				r.state = tokObjectColon
				return jsonToken{kind: jsonString, text: s}, nil
			}
		}
		if !r.valueAllowed() {
			return jsonToken{}, r.invalid(c, tokContext[r.state])
		}
		t, err := r.scalar()
		if err != nil {
			return jsonToken{}, err
		}
		r.valueEnd()
		return t, nil
	}
}

func (r *jsonReader) valueAllowed() bool {
	switch r.state {
	case tokTopValue, tokArrayStart, tokArrayValue, tokObjectValue:
		return true
	}
	return false
}

// valueEnd moves past a complete value (Decoder.tokenValueEnd).
func (r *jsonReader) valueEnd() {
	switch r.state {
	case tokArrayStart, tokArrayValue:
		r.state = tokArrayComma
	case tokObjectValue:
		r.state = tokObjectComma
	}
}

// invalid is encoding/json's syntax error message for byte c.
func (r *jsonReader) invalid(c byte, context string) error {
	return errors.New("invalid character " + quoteChar(c) + context)
}

// quoteChar formats c like encoding/json does in its error messages.
func quoteChar(c byte) string {
	switch c {
	case '\'':
		return `'\''`
	case '"':
		return `'"'`
	}
	s := strconv.Quote(string(rune(c)))
	return "'" + s[1:len(s)-1] + "'"
}

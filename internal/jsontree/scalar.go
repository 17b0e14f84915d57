package jsontree

import (
	"encoding/json"
	"io"
	"unicode/utf8"
)

// scalar reads the string, number or literal at r.pos. Like encoding/json's
// scanner, it stops right after a complete value: what follows is the next
// token's business ("01" is 0, then an unexpected '1'), and text that ends
// inside a value is io.ErrUnexpectedEOF.
func (r *reader) scalar() (token, error) {
	start := r.pos
	t, err := r.scalarKind()
	t.off, t.raw = start, r.s[start:r.pos]
	return t, err
}

func (r *reader) scalarKind() (token, error) {
	switch c := r.s[r.pos]; {
	case c == '"':
		s, err := r.str()
		return token{kind: String, str: s}, err
	case c == '-' || '0' <= c && c <= '9':
		return token{kind: Number}, r.number()
	case c == 't':
		return r.literal("true", Bool)
	case c == 'f':
		return r.literal("false", Bool)
	case c == 'n':
		return r.literal("null", Null)
	default:
		return token{}, r.invalid(c, " looking for beginning of value")
	}
}

// literal reads true, false or null.
func (r *reader) literal(word string, kind Kind) (token, error) {
	for i := 1; i < len(word); i++ {
		p := r.pos + i
		if p >= len(r.s) {
			return token{}, io.ErrUnexpectedEOF
		}
		if r.s[p] != word[i] {
			return token{}, r.invalid(r.s[p], " in literal "+word+" (expecting '"+word[i:i+1]+"')")
		}
	}
	r.pos += len(word)
	return token{kind: kind}, nil
}

// number reads -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?.
func (r *reader) number() error {
	if r.s[r.pos] == '-' {
		r.pos++
		if err := r.digit(" in numeric literal"); err != nil {
			return err
		}
	}
	if r.s[r.pos] == '0' {
		r.pos++
	} else {
		r.digits()
	}
	if r.pos < len(r.s) && r.s[r.pos] == '.' {
		r.pos++
		if err := r.digit(" after decimal point in numeric literal"); err != nil {
			return err
		}
		r.digits()
	}
	if r.pos < len(r.s) && (r.s[r.pos] == 'e' || r.s[r.pos] == 'E') {
		r.pos++
		if r.pos < len(r.s) && (r.s[r.pos] == '+' || r.s[r.pos] == '-') {
			r.pos++
		}
		if err := r.digit(" in exponent of numeric literal"); err != nil {
			return err
		}
		r.digits()
	}
	return nil
}

// digit checks that a digit is at r.pos; context completes the error.
func (r *reader) digit(context string) error {
	if r.pos >= len(r.s) {
		return io.ErrUnexpectedEOF
	}
	if c := r.s[r.pos]; c < '0' || c > '9' {
		return r.invalid(c, context)
	}
	return nil
}

// digits skips a run of digits.
func (r *reader) digits() {
	for r.pos < len(r.s) && '0' <= r.s[r.pos] && r.s[r.pos] <= '9' {
		r.pos++
	}
}

// str reads the string whose opening quote is at r.pos and returns it
// decoded. Plain strings (no escapes, valid UTF-8: nearly all) are slices
// of the text; the others are decoded by encoding/json, which replaces
// invalid UTF-8 and lone surrogates exactly as the Decoder did.
func (r *reader) str() (string, error) {
	start, plain := r.pos, true
	for i := start + 1; i < len(r.s); {
		switch c := r.s[i]; {
		case c == '"':
			r.pos = i + 1
			if raw := r.s[start+1 : i]; plain && utf8.ValidString(raw) {
				return raw, nil
			}
			var s string
			_ = json.Unmarshal([]byte(r.s[start:r.pos]), &s) // valid: checked above
			return s, nil
		case c == '\\':
			n, err := r.escape(i)
			if err != nil {
				return "", err
			}
			plain = false
			i += n
		case c < 0x20:
			return "", r.invalid(c, " in string literal")
		default:
			i++
		}
	}
	return "", io.ErrUnexpectedEOF
}

// escape checks the escape sequence whose backslash is at i and returns
// its length.
func (r *reader) escape(i int) (int, error) {
	if i+1 >= len(r.s) {
		return 0, io.ErrUnexpectedEOF
	}
	switch c := r.s[i+1]; c {
	case 'b', 'f', 'n', 'r', 't', '\\', '/', '"':
		return 2, nil
	case 'u':
		for k := i + 2; k < i+6; k++ {
			if k >= len(r.s) {
				return 0, io.ErrUnexpectedEOF
			}
			if !isHex(r.s[k]) {
				return 0, r.invalid(r.s[k], " in \\u hexadecimal character escape")
			}
		}
		return 6, nil
	default:
		return 0, r.invalid(c, " in string escape code")
	}
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

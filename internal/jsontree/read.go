package jsontree

import (
	"errors"
	"io"
	"slices"
	"strconv"
	"strings"
)

// reader reads JSON text token by token like encoding/json's
// Decoder.Token, with the same state machine and the same error messages
// (skip reasons quote them), but straight from the string: Decoder.Token
// boxed every token in an interface and re-scanned every scalar, a quarter
// of Link's time. read_test.go checks it against the Decoder walk, and
// its validity against encoding/json's.
type reader struct {
	s     string
	pos   int
	state tokState
	stack []tokState // states of the enclosing arrays and objects
	depth int        // the deepest nesting seen

	// Allocation: nodes come from slabs, and the members and items of the
	// open objects and arrays wait on shared stacks until each gets one
	// slice of its exact size. A node and a doubling slice per value were
	// most of a parse's allocations.
	slab    []Node
	budget  int // nodes the text may still need beyond the slabs (maxValues)
	members []Member
	elems   []*Node
}

// maxSlab is the most nodes one slab holds.
const maxSlab = 256

// newReader returns a reader of s whose slabs hold no more nodes than s
// can have: Docs live as long as the run, so nodes a slab leaves unused
// stay taken.
func newReader(s string) reader { return reader{s: s, budget: maxValues(s)} }

// node returns a new node of the given kind.
func (r *reader) node(kind Kind) *Node {
	if len(r.slab) == cap(r.slab) {
		n := max(1, min(maxSlab, r.budget)) // 1: the bound holds for valid JSON only
		r.slab = make([]Node, 0, n)
		r.budget -= n
	}
	r.slab = r.slab[:len(r.slab)+1]
	n := &r.slab[len(r.slab)-1]
	n.Kind = kind
	return n
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

// token is a delimiter ('[', ']', '{', '}') or, when delim is 0, a
// scalar: its kind, offset, text as written and, for strings, decoded.
type token struct {
	delim byte
	kind  Kind
	off   int
	raw   string
	str   string
}

// value reads one value, as the Decoder walk did: a scalar or a whole
// array or object.
func (r *reader) value() (*Node, error) {
	t, err := r.token()
	if err != nil {
		return nil, err
	}
	var n *Node
	switch t.delim {
	case 0:
		n = r.node(t.kind)
		n.Off, n.Raw, n.Str = t.off, t.raw, t.str
		return n, nil
	case '{':
		n, err = r.object()
	case '[':
		n, err = r.array()
	default:
		return nil, errors.New("unexpected " + strconv.QuoteRune(rune(t.delim)))
	}
	if err != nil {
		return nil, err
	}
	n.Off, n.Raw = t.off, r.s[t.off:r.pos]
	return n, nil
}

// object reads the members after '{' and the closing '}'.
func (r *reader) object() (*Node, error) {
	start := len(r.members)
	defer func() { r.members = r.members[:start] }()
	for r.more() {
		t, err := r.token()
		if err != nil {
			return nil, err
		}
		val, err := r.value()
		if err != nil {
			return nil, err
		}
		r.members = append(r.members, Member{Key: t.str, KeyOff: t.off, Val: val})
	}
	n := r.node(Object)
	if len(r.members) > start {
		n.Members = slices.Clone(r.members[start:])
	}
	_, err := r.token() // '}'
	return n, err
}

// array reads the elements after '[' and the closing ']'.
func (r *reader) array() (*Node, error) {
	start := len(r.elems)
	defer func() { r.elems = r.elems[:start] }()
	for r.more() {
		e, err := r.value()
		if err != nil {
			return nil, err
		}
		r.elems = append(r.elems, e)
	}
	n := r.node(Array)
	if len(r.elems) > start {
		n.Elems = slices.Clone(r.elems[start:])
	}
	_, err := r.token() // ']'
	return n, err
}

// more reports whether another element or member follows (Decoder.More).
func (r *reader) more() bool {
	c, ok := r.peek()
	return ok && c != ']' && c != '}'
}

// peek skips white space and returns the next byte; false at the end.
func (r *reader) peek() (byte, bool) {
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
func (r *reader) token() (token, error) {
	for {
		c, ok := r.peek()
		if !ok {
			return token{}, io.EOF
		}
		switch c {
		case '[', '{':
			if !r.valueAllowed() {
				return token{}, r.invalid(c, tokContext[r.state])
			}
			off := r.pos
			r.pos++
			r.stack = append(r.stack, r.state)
			r.depth = max(r.depth, len(r.stack))
			r.state = tokArrayStart
			if c == '{' {
				r.state = tokObjectStart
			}
			return token{delim: c, off: off}, nil
		case ']', '}':
			start, comma := tokArrayStart, tokArrayComma
			if c == '}' {
				start, comma = tokObjectStart, tokObjectComma
			}
			if r.state != start && r.state != comma {
				return token{}, r.invalid(c, tokContext[r.state])
			}
			r.pos++
			r.state = r.stack[len(r.stack)-1]
			r.stack = r.stack[:len(r.stack)-1]
			r.valueEnd()
			return token{delim: c}, nil
		case ':':
			if r.state != tokObjectColon {
				return token{}, r.invalid(c, tokContext[r.state])
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
				return token{}, r.invalid(c, tokContext[r.state])
			}
			r.pos++
			continue
		case '"':
			if r.state == tokObjectStart || r.state == tokObjectKey {
				off := r.pos
				s, err := r.str()
				if err != nil {
					return token{}, err
				}
				r.state = tokObjectColon
				return token{kind: String, off: off, raw: r.s[off:r.pos], str: s}, nil
			}
		}
		if !r.valueAllowed() {
			return token{}, r.invalid(c, tokContext[r.state])
		}
		t, err := r.scalar()
		if err != nil {
			return token{}, err
		}
		r.valueEnd()
		return t, nil
	}
}

func (r *reader) valueAllowed() bool {
	switch r.state {
	case tokTopValue, tokArrayStart, tokArrayValue, tokObjectValue:
		return true
	}
	return false
}

// valueEnd moves past a complete value (Decoder.tokenValueEnd).
func (r *reader) valueEnd() {
	switch r.state {
	case tokArrayStart, tokArrayValue:
		r.state = tokArrayComma
	case tokObjectValue:
		r.state = tokObjectComma
	}
}

// invalid is encoding/json's syntax error message for byte c.
func (r *reader) invalid(c byte, context string) error {
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

// maxValues bounds the values of JSON text s: the top-level one, and in
// every array and object one more than its commas, so 1 plus the '[', '{'
// and ',' outside strings. The bound is exact unless an array or object is
// empty.
func maxValues(s string) int {
	n := 1
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '"':
			i = closingQuote(s, i)
		case ',', '[', '{':
			n++
		}
	}
	return n
}

// closingQuote returns the offset of the quote that closes the string
// opening at s[open], len(s) when none does.
func closingQuote(s string, open int) int {
	for from := open + 1; ; {
		k := strings.IndexByte(s[from:], '"')
		if k < 0 {
			return len(s)
		}
		q := from + k
		backslashes := 0
		for q-backslashes-1 > open && s[q-backslashes-1] == '\\' {
			backslashes++
		}
		if backslashes%2 == 0 {
			return q
		}
		from = q + 1
	}
}

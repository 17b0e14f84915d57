package parser

import (
	"errors"
	"fmt"
	"strings"

	"github.com/docs2go/docs2go/parser/ir"
)

// jsonMember is one key of a leniently parsed object, in document order.
type jsonMember struct {
	Key   string
	Value any // string, bool, nil, float64 as string, []any or []jsonMember
}

// parseAnnotation reads the body of a <!-- { ... } --> comment. 99.6 % are
// strict JSON; the rest have trailing commas, bare keys, "true" strings or
// raw newlines in strings (corpus §3), all accepted here.
func parseAnnotation(body string, pos ir.Pos) (*ir.Annotation, []jsonMember, error) {
	lx := &lenient{s: body}
	lx.space()
	obj, err := lx.object()
	if err != nil {
		return nil, nil, err
	}
	lx.space()
	if lx.i < len(lx.s) {
		return nil, nil, fmt.Errorf("unexpected %q after the object", clip(lx.s[lx.i:], 20))
	}
	a := &ir.Annotation{Pos: pos}
	if len(obj) > 0 { // Keys stays nil without members
		a.Keys = make([]string, 0, len(obj))
	}
	for _, m := range obj {
		a.Keys = append(a.Keys, m.Key)
		setAnnotationKey(a, m)
	}
	return a, obj, nil
}

// setAnnotationKey copies the keys docs2go understands into a.
func setAnnotationKey(a *ir.Annotation, m jsonMember) {
	switch m.Key {
	case "blockType":
		a.BlockType = asString(m.Value)
	case "name":
		switch v := m.Value.(type) {
		case []any:
			for _, x := range v {
				a.Name = append(a.Name, asString(x))
			}
		default:
			if s := asString(v); s != "" {
				a.Name = []string{s}
			}
		}
	case "@odata.type":
		a.ODataType = strings.TrimPrefix(asString(m.Value), "#")
	case "truncated":
		a.Truncated = asBool(m.Value)
	case "isCollection":
		a.IsCollection = asBool(m.Value)
	case "baseType":
		a.BaseType = strings.TrimPrefix(asString(m.Value), "#")
	case "keyProperty":
		a.KeyProperty = asString(m.Value)
	case "abstract", "isAbstract":
		a.Abstract = a.Abstract || asBool(m.Value)
	case "openType":
		a.OpenType = asBool(m.Value)
	}
}

func asString(v any) string {
	switch v := v.(type) {
	case string:
		return v
	case bool:
		return fmt.Sprint(v)
	}
	return ""
}

// asBool accepts true and the string "true" (16 annotations write it so).
func asBool(v any) bool {
	switch v := v.(type) {
	case bool:
		return v
	case string:
		return strings.EqualFold(v, "true")
	}
	return false
}

// lenient is a forgiving JSON reader.
type lenient struct {
	s     string
	i     int
	depth int // open objects and arrays
}

// maxAnnotationDepth bounds the recursion of the reader: annotations nest
// two levels at most, and a hostile 10 MiB "[[[[..." would otherwise
// overflow the goroutine stack, a fatal error that recover cannot catch.
const maxAnnotationDepth = 64

// enter counts one more open object or array.
func (lx *lenient) enter() error {
	lx.depth++
	if lx.depth > maxAnnotationDepth {
		return fmt.Errorf("nested deeper than %d levels", maxAnnotationDepth)
	}
	return nil
}

var errEOF = errors.New("unexpected end of annotation")

func (lx *lenient) space() {
	for lx.i < len(lx.s) && strings.IndexByte(" \t\r\n", lx.s[lx.i]) >= 0 {
		lx.i++
	}
}

func (lx *lenient) peek() byte {
	lx.space()
	if lx.i < len(lx.s) {
		return lx.s[lx.i]
	}
	return 0
}

// object reads {...}; commas are optional and may trail.
func (lx *lenient) object() ([]jsonMember, error) {
	if lx.peek() != '{' {
		return nil, fmt.Errorf("want '{'")
	}
	lx.i++
	if err := lx.enter(); err != nil {
		return nil, err
	}
	defer func() { lx.depth-- }()
	var out []jsonMember
	for {
		switch lx.peek() {
		case 0:
			return nil, errEOF
		case '}':
			lx.i++
			return out, nil
		case ',':
			lx.i++
			continue
		}
		key, err := lx.key()
		if err != nil {
			return nil, err
		}
		if lx.peek() != ':' {
			return nil, fmt.Errorf("want ':' after key %q", key)
		}
		lx.i++
		v, err := lx.value()
		if err != nil {
			return nil, err
		}
		if out == nil {
			out = make([]jsonMember, 0, 4) // most annotations have up to 4 members; {} allocates nothing
		}
		out = append(out, jsonMember{Key: key, Value: v})
	}
}

// key reads a quoted or bare key (`isCollection: true`, v1.0/api/user-getmailtips.md).
func (lx *lenient) key() (string, error) {
	if lx.peek() == '"' {
		return lx.str()
	}
	start := lx.i
	for lx.i < len(lx.s) && strings.IndexByte(":,{}[]\" \t\r\n", lx.s[lx.i]) < 0 {
		lx.i++
	}
	if lx.i == start {
		return "", fmt.Errorf("want a key at %q", clip(lx.s[lx.i:], 20))
	}
	return lx.s[start:lx.i], nil
}

func (lx *lenient) value() (any, error) {
	switch c := lx.peek(); c {
	case 0:
		return nil, errEOF
	case '"':
		return lx.str()
	case '{':
		return lx.object()
	case '[':
		return lx.array()
	default:
		w, err := lx.key() // bare word: true, false, null, a number
		switch w {
		case "true":
			return true, err
		case "false":
			return false, err
		case "null":
			return nil, err
		}
		return w, err
	}
}

func (lx *lenient) array() ([]any, error) {
	lx.i++
	if err := lx.enter(); err != nil {
		return nil, err
	}
	defer func() { lx.depth-- }()
	var out []any
	for {
		switch lx.peek() {
		case 0:
			return nil, errEOF
		case ']':
			lx.i++
			return out, nil
		case ',':
			lx.i++
			continue
		}
		v, err := lx.value()
		if err != nil {
			return nil, err
		}
		out = append(out, v)
	}
}

// str reads a double-quoted string; raw newlines are kept (page-annotation
// "suppressions" span lines). A string without escapes, nearly all, is a
// slice of the input: building every one byte by byte was most of the
// allocations of annotations.
func (lx *lenient) str() (string, error) {
	lx.i++
	start := lx.i
	for lx.i < len(lx.s) && lx.s[lx.i] != '"' && lx.s[lx.i] != '\\' {
		lx.i++
	}
	if lx.i < len(lx.s) && lx.s[lx.i] == '"' {
		lx.i++
		return lx.s[start : lx.i-1], nil
	}
	var b strings.Builder
	b.WriteString(lx.s[start:lx.i])
	for lx.i < len(lx.s) {
		c := lx.s[lx.i]
		lx.i++
		switch c {
		case '"':
			return b.String(), nil
		case '\\':
			if lx.i < len(lx.s) {
				b.WriteByte(unescapeByte(lx.s[lx.i]))
				lx.i++
			}
		default:
			b.WriteByte(c)
		}
	}
	return "", errEOF
}

func unescapeByte(c byte) byte {
	switch c {
	case 'n':
		return '\n'
	case 't':
		return '\t'
	}
	return c
}

package runtime

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"time"
)

// decodeRequest reads r's body into dst (a pointer) in the order Graph
// checks: content type (415), content encoding (415, see encoding.go),
// size as sent and decoded (413), broken compressed data, JSON syntax
// with the byte offset, empty body and trailing data (400), then the
// decode into dst's type and the validation of validate.go, both naming
// the property path (400).
func decodeRequest(c *handlerConfig, w http.ResponseWriter, r *http.Request, ep *EndpointInfo, dst any) *Error {
	if e := checkContentType(r.Header.Get("Content-Type")); e != nil {
		return e
	}
	codings, e := contentCodings(r.Header)
	if e != nil {
		w.Header().Set("Accept-Encoding", acceptedCodings) // RFC 9110 12.5.3
		return e
	}
	if r.ContentLength > c.maxBodyBytes {
		return tooLarge(c.maxBodyBytes)
	}
	data, e := readBody(w, r, codings, c.maxBodyBytes)
	if e != nil {
		return e
	}
	return decodeBody(data, dst, ep)
}

// decodeBody decodes and checks a request body in one pass over data.
// Only a body that fails is looked at again, to word the error as before:
// its syntax by encoding/json (with the byte offset), a value of the
// wrong type by locate, a broken rule by validate.
func decodeBody(data []byte, dst any, ep *EndpointInfo) *Error {
	d := decoder{reader: reader{data: data}, check: true, documented: ep.documented, alias: true}
	d.path = d.pathBuf[:0]
	if tok := d.next(); tok == 0 || tok == 'n' {
		d.fail(errSyntax) // empty or null: oneJSONValue words it
	} else {
		d.value(codecOf(reflect.TypeOf(dst).Elem()), reflect.ValueOf(dst).UnsafePointer())
	}
	if d.err == nil && (d.next() != 0 || d.pos != len(data)) {
		d.fail(errSyntax)
	}
	switch {
	case d.err != nil:
		raw, e := oneJSONValue(data)
		if e != nil {
			return e
		}
		err := json.Unmarshal(raw, reflect.New(reflect.TypeOf(dst).Elem()).Interface())
		if err == nil {
			err = d.err
		}
		at, msg := locate(raw, reflect.TypeOf(dst), "", err, 0)
		return badRequest("%s: %s", where(at), msg)
	case d.invalid:
		return validate(dst, ep)
	}
	return nil
}

// checkContentType accepts application/json with any parameters except a
// charset other than UTF-8 (JSON is UTF-8, RFC 8259).
func checkContentType(ct string) *Error {
	unsupported := func(why string) *Error {
		return errorf(http.StatusUnsupportedMediaType, "unsupportedMediaType", "content type %s, want application/json", why)
	}
	if ct == "" {
		return unsupported("missing")
	}
	mt, params, err := mime.ParseMediaType(ct)
	if err != nil || mt != "application/json" {
		return unsupported(strconv.Quote(ct))
	}
	if cs, ok := params["charset"]; ok && !strings.EqualFold(cs, "utf-8") && !strings.EqualFold(cs, "utf8") {
		return unsupported(strconv.Quote(ct))
	}
	return nil
}

func tooLarge(limit int64) *Error {
	return errorf(http.StatusRequestEntityTooLarge, "requestEntityTooLarge", "request body larger than %d bytes", limit)
}

func badRequest(format string, args ...any) *Error {
	return errorf(http.StatusBadRequest, "badRequest", format, args...)
}

// oneJSONValue returns the single JSON value data holds, or a 400 naming
// the byte offset of the defect.
func oneJSONValue(data []byte) (json.RawMessage, *Error) {
	trimmed := bytes.TrimSpace(data)
	if len(trimmed) == 0 {
		return nil, badRequest("request body: empty, want a JSON object")
	}
	if json.Valid(data) { // one value between JSON whitespace: the common case, without a copy
		if string(trimmed) == "null" {
			return nil, badRequest("request body: null, want a JSON object")
		}
		return trimmed, nil
	}
	// Invalid: the decoder finds the defect's offset.
	dec := json.NewDecoder(bytes.NewReader(data))
	var raw json.RawMessage
	if err := dec.Decode(&raw); err != nil {
		var syn *json.SyntaxError
		switch {
		case errors.As(err, &syn):
			return nil, badRequest("request body: malformed JSON at byte offset %d: %s", syn.Offset, strings.TrimPrefix(syn.Error(), "json: "))
		case errors.Is(err, io.ErrUnexpectedEOF):
			return nil, badRequest("request body: malformed JSON at byte offset %d: unexpected end of input", len(data))
		}
		return nil, badRequest("request body: malformed JSON: %v", err)
	}
	off := dec.InputOffset()
	if rest := bytes.TrimLeft(data[off:], " \t\r\n"); len(rest) > 0 {
		return nil, badRequest("request body: unexpected data after the JSON value at byte offset %d", int(off)+len(data[off:])-len(rest))
	}
	if string(raw) == "null" {
		return nil, badRequest("request body: null, want a JSON object")
	}
	return raw, nil
}

// where names a property path for a message.
func where(path string) string {
	if path == "" {
		return "request body"
	}
	return "property " + path
}

// maxLocateDepth bounds the walk on hostile nesting.
const maxLocateDepth = 128

// locate finds the innermost property of raw that does not decode into t,
// so a 400 can name it ("qrCodeImage.value"); err is the decode error at
// this level, reported here when no child is to blame.
func locate(raw []byte, t reflect.Type, path string, err error, depth int) (string, string) {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if et, ok := optElem(t); ok {
		t = et
	}
	if t.Implements(polymorphicType) {
		// The wrapper sets its Value before decoding into it, so even a
		// failed decode tells which type "@odata.type" chose.
		x := reflect.New(t)
		_ = json.Unmarshal(raw, x.Interface())
		if v := x.Elem().Interface().(polymorphic).polyValue(); v != nil {
			t = reflect.TypeOf(v)
			for t.Kind() == reflect.Pointer {
				t = t.Elem()
			}
		}
	}
	if depth < maxLocateDepth {
		switch {
		case isObjectType(t):
			var obj map[string]json.RawMessage
			if json.Unmarshal(raw, &obj) != nil {
				return path, "got " + jsonKindOf(raw) + ", want an object"
			}
			fields := fieldsOf(t).byName
			for _, k := range sortedKeys(obj) {
				f, ok := fields[k]
				if !ok || string(obj[k]) == "null" {
					continue
				}
				if cerr := json.Unmarshal(obj[k], reflect.New(f.typ).Interface()); cerr != nil {
					return locate(obj[k], f.typ, joinPath(path, k), cerr, depth+1)
				}
			}
		case t.Kind() == reflect.Slice && t.Elem().Kind() != reflect.Uint8 && t != rawMessageType:
			var arr []json.RawMessage
			if json.Unmarshal(raw, &arr) != nil {
				return path, "got " + jsonKindOf(raw) + ", want an array"
			}
			for i, x := range arr {
				if cerr := json.Unmarshal(x, reflect.New(t.Elem()).Interface()); cerr != nil {
					return locate(x, t.Elem(), path+"["+strconv.Itoa(i)+"]", cerr, depth+1)
				}
			}
		}
	}
	return path, leafMessage(raw, t, err)
}

var (
	rawMessageType = reflect.TypeFor[json.RawMessage]()
	timeType       = reflect.TypeFor[time.Time]()
)

// leafMessage explains why raw is not a t, without Go type names.
func leafMessage(raw []byte, t reflect.Type, err error) string {
	got := jsonKindOf(raw)
	val := string(raw)
	if len(val) > 64 {
		val = val[:64] + "…"
	}
	switch {
	case t == timeType:
		if got != "a string" {
			return "got " + got + ", want a date-time string"
		}
		return "invalid date-time " + val + ", want RFC 3339 such as 2006-01-02T15:04:05Z"
	case t.Kind() == reflect.Slice && t.Elem().Kind() == reflect.Uint8 && t != rawMessageType:
		if got != "a string" {
			return "got " + got + ", want a base64 string"
		}
		return "invalid base64 value " + val
	case t.Kind() >= reflect.Int && t.Kind() <= reflect.Uint64:
		if got != "a number" {
			return "got " + got + ", want an integer"
		}
		return fmt.Sprintf("number %s out of range for %s, or not an integer", val, intRange(t))
	case t.Kind() == reflect.Bool && got != "a boolean":
		return "got " + got + ", want true or false"
	case t.Kind() == reflect.String:
		if got != "a string" {
			return "got " + got + ", want a string"
		}
		switch t.Name() {
		case "Date":
			return "invalid date " + val + ", want YYYY-MM-DD"
		case "TimeOfDay":
			return "invalid time of day " + val + ", want hh:mm:ss[.fffffff]"
		case "Duration":
			return "invalid duration " + val + ", want ISO 8601 such as PT1H30M"
		}
	case t.Kind() == reflect.Float64 || t.Kind() == reflect.Float32:
		return "got " + val + ", want a number, \"NaN\", \"INF\" or \"-INF\""
	}
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) {
		return "got " + got + ", want " + te.Type.Kind().String()
	}
	msg := strings.TrimPrefix(err.Error(), "json: ")
	if i := strings.Index(msg, "Go value of type"); i >= 0 {
		msg = strings.TrimSpace(msg[:i])
	}
	return msg
}

// intRange names an integer type's range.
func intRange(t reflect.Type) string {
	switch t.Kind() {
	case reflect.Int8:
		return "SByte (-128..127)"
	case reflect.Uint8:
		return "Byte (0..255)"
	case reflect.Int16:
		return "Int16 (-32768..32767)"
	case reflect.Int32:
		return "Int32 (-2147483648..2147483647)"
	}
	return "Int64"
}

// jsonKindOf names the kind of a JSON value.
func jsonKindOf(raw []byte) string {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 {
		return "nothing"
	}
	switch raw[0] {
	case '{':
		return "an object"
	case '[':
		return "an array"
	case '"':
		return "a string"
	case 't', 'f':
		return "a boolean"
	case 'n':
		return "null"
	}
	return "a number"
}

// isObjectType reports whether t is a generated struct: a struct with
// JSON-tagged fields (not time.Time or another struct-backed scalar).
func isObjectType(t reflect.Type) bool {
	return t.Kind() == reflect.Struct && t != timeType && len(fieldsOf(t).list) > 0
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// joinPath appends a property name to a path.
func joinPath(path, name string) string {
	if path == "" {
		return name
	}
	return path + "." + name
}

package runtime

import (
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"reflect"
	"runtime/debug"
	"slices"
	"strings"
)

// HandlerOption configures NewHandler.
type HandlerOption func(*handlerConfig)

// handlerConfig is what the options set.
type handlerConfig struct {
	maxBodyBytes int64
	auth         Authenticator
	errorLog     func(r *http.Request, err error)
}

// defaultMaxBodyBytes bounds request bodies; no peer generator limits them.
const defaultMaxBodyBytes = 4 << 20

// WithMaxBodyBytes limits request bodies to n bytes (default 4 MiB);
// larger bodies get 413. n <= 0 keeps the default.
func WithMaxBodyBytes(n int64) HandlerOption {
	return func(c *handlerConfig) {
		if n > 0 {
			c.maxBodyBytes = n
		}
	}
}

// Authenticator checks the bearer token of a request to ep. It gets the
// token without the "Bearer " prefix ("" when the docs do not require
// Authorization and none was sent) and the endpoint's documented
// permissions. It returns the context the Server method runs with (e.g.
// carrying the caller's identity), or an error: an *Error is answered as
// is, any other error as 403 Authorization_RequestDenied.
type Authenticator func(ctx context.Context, token string, ep EndpointInfo) (context.Context, error)

// WithAuthenticator makes the handler call a for every request that
// reaches an endpoint. Without it, a request to an endpoint whose docs
// require Authorization needs a well-formed "Bearer <token>" header, and
// any token is accepted.
func WithAuthenticator(a Authenticator) HandlerOption {
	return func(c *handlerConfig) { c.auth = a }
}

// WithErrorLog makes the handler report to f, so they are not lost, the
// errors it answers as a bare 500: errors from Server methods that are not
// an *Error, a method returning no result where the endpoint answers with
// a body, and panics (a *PanicError with the stack).
func WithErrorLog(f func(r *http.Request, err error)) HandlerOption {
	return func(c *handlerConfig) { c.errorLog = f }
}

// newHandlerConfig applies opts to the defaults.
func newHandlerConfig(opts []HandlerOption) *handlerConfig {
	c := &handlerConfig{maxBodyBytes: defaultMaxBodyBytes}
	for _, o := range opts {
		if o != nil {
			o(c)
		}
	}
	return c
}

// EndpointInfo describes a generated endpoint as its docs page does.
type EndpointInfo struct {
	Operation    string       // the Server method, e.g. "CreateUser"
	Method       string       // e.g. "POST"
	Patterns     []string     // the patterns it is served on, e.g. "POST /users"
	Source       string       // the docs page and line, e.g. "docs/api/user-post-users.md:25"
	AuthRequired bool         // the request headers table lists Authorization
	Permissions  []Permission // the permissions table, document order
	Content      string       // media type of a non-JSON request body (a file upload), "" for JSON or none
	Answer       string       // media type of a non-JSON answer (a photo, a report), "" for JSON or none
	Statuses     []int        // the success statuses a PUT documents when it documents several (200 replaced, 201 created), sorted; nil otherwise

	// documented lists what the docs' own request examples send although
	// the property tables forbid it (see validate.go), sorted.
	documented []string
}

// Permission is one row of an endpoint's permissions table.
type Permission struct {
	Type   string   // e.g. "Delegated (work or school account)"
	Scopes []string // least to most privileged as the docs list them; nil for "Not supported." or a placeholder
}

// serveJSON returns the handler of one endpoint: authentication, query
// options (400 when malformed), then the request body: content type,
// encoding, size, decode, validate (an endpoint without a body, B being
// struct{}, reads none; a Content body is a stream of the documented media
// type). Then call, whose result is written as JSON with status (and
// Location for a created entity with an id). An endpoint that documents
// an answer body treats a method returning no result and no error (or a
// result that encodes as null) as a server bug: 500, reported to
// WithErrorLog; serveNoContent's endpoints (R is struct{}) answer without
// a body. A panic anywhere in the handling (the Server method, an
// Authenticator, a decoder) is answered as 500.
//
// It is generic over pointer types only (B is *T, R is *U): Go compiles
// one instance per GC shape, and every pointer type has the same shape,
// so one compiled serveJSON serves the 4,000 endpoints of the beta
// reference (instantiated over the struct types, it was compiled once per
// endpoint and dominated the package's build). It is not inlined: inlined,
// its handler closure was copied into every endpoint's handle<X> (0.8 GB
// of the 2020 v1.0 package's 2.5 GB build; the serve helpers and all are
// marked alike).
//
//go:noinline
func serveJSON[S, B, R any](c *handlerConfig, s S, ep *EndpointInfo, status int, call func(S, *http.Request, *Query, B) (R, error)) http.Handler {
	return serveStatus(c, s, ep, status, func(s S, r *http.Request, q *Query, b B) (R, int, error) {
		res, err := call(s, r, q, b)
		return res, status, err
	})
}

// serveStatus is serveJSON for an endpoint whose Server method chooses
// its success status among the documented ones (ep.Statuses: a PUT upsert
// answers 201 when it created and 200 when it replaced): call returns it,
// 0 meaning status, the one the page names first. A status the page does not
// document is a server bug: 500, reported to WithErrorLog. A 204 answers
// without a body.
//
//go:noinline
func serveStatus[S, B, R any](c *handlerConfig, s S, ep *EndpointInfo, status int, call func(S, *http.Request, *Query, B) (R, int, error)) http.Handler {
	var zero R
	_, noContent := any(zero).(*struct{})
	answers := !noContent
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		defer c.recoverPanic(w, r, ep)
		body := newOf[B]()
		r, q, err := c.prepare(w, r, ep, body)
		if err != nil {
			writeError(w, err)
			return
		}
		res, chosen, callErr := call(s, r, q, body)
		status := status // this request's
		if callErr == nil {
			status, callErr = ep.answerStatus(status, chosen)
		}
		if callErr != nil {
			c.fail(w, r, callErr)
			return
		}
		if !answers || status == http.StatusNoContent {
			w.WriteHeader(status)
			return
		}
		buf := answerBuffers.Get().(*[]byte)
		data, encErr := appendJSON((*buf)[:0], res) // "null" for a nil pointer
		switch {
		case encErr != nil:
			c.fail(w, r, encErr)
		case string(data) == "null":
			c.fail(w, r, fmt.Errorf("%s returned no result and no error, but the endpoint answers %d with a body", ep.Operation, status))
		default:
			writeAnswer(w, status, location(r, status, res, data), data)
		}
		if cap(data) <= maxPooledBuffer {
			*buf = data
			answerBuffers.Put(buf)
		}
	})
}

// jsonContentType is the Content-Type header's value of every JSON
// answer, shared: a header value slice is replaced, not written into,
// and its capacity of one makes an append copy it.
var jsonContentType = []string{"application/json"}

// writeAnswer writes a JSON answer with its status and Location (none
// when "").
func writeAnswer(w http.ResponseWriter, status int, loc string, data []byte) {
	h := w.Header()
	if loc != "" {
		h.Set("Location", loc)
	}
	h["Content-Type"] = jsonContentType
	w.WriteHeader(status)
	w.Write(data)
}

// prepare runs the checks before the Server method: authentication, the
// query options and the body into body (see serveJSON). It is not
// generic, so it is compiled once for all endpoints.
func (c *handlerConfig) prepare(w http.ResponseWriter, r *http.Request, ep *EndpointInfo, body any) (*http.Request, *Query, *Error) {
	r, err := c.authenticate(r, ep)
	if err != nil {
		return r, nil, err
	}
	q := &noQuery
	if r.URL.RawQuery != "" {
		parsed, err := parseQuery(r.URL.RawQuery)
		if err != nil {
			return r, nil, err
		}
		q = &parsed
	}
	switch b := body.(type) {
	case *struct{}:
	case *Content:
		err = readContent(c, w, r, ep, b)
	default:
		err = decodeRequest(c, w, r, ep, body)
	}
	return r, q, err
}

// noQuery is the options of a request without a query: shared, since the
// generated code only copies it into the request it hands the Server.
var noQuery Query

// serveNoContent is serveJSON for operations whose answer has no body.
//
//go:noinline
func serveNoContent[S, B any](c *handlerConfig, s S, ep *EndpointInfo, status int, call func(S, *http.Request, *Query, B) error) http.Handler {
	return serveStatus(c, s, ep, status, func(s S, r *http.Request, q *Query, b B) (*struct{}, int, error) {
		return nil, status, call(s, r, q, b)
	})
}

// serveNoContentStatus is serveStatus for operations whose answer has no
// body: call returns the status only.
//
//go:noinline
func serveNoContentStatus[S, B any](c *handlerConfig, s S, ep *EndpointInfo, status int, call func(S, *http.Request, *Query, B) (int, error)) http.Handler {
	return serveStatus(c, s, ep, status, func(s S, r *http.Request, q *Query, b B) (*struct{}, int, error) {
		chosen, err := call(s, r, q, b)
		return nil, chosen, err
	})
}

// answerStatus is the status a Server method chose: status when it chose
// 0, else chosen when it is status or one of ep.Statuses; any other is an
// error (the handler answers 500 rather than a status the docs do not
// promise).
func (ep *EndpointInfo) answerStatus(status, chosen int) (int, error) {
	if chosen == 0 || chosen == status || slices.Contains(ep.Statuses, chosen) {
		return cmp.Or(chosen, status), nil
	}
	return 0, fmt.Errorf("%s answered status %d, which its docs do not document (%v)", ep.Operation, chosen, ep.accepts(status))
}

// accepts lists the statuses a client call of ep takes as success: want,
// or every documented one when the page documents several.
func (ep *EndpointInfo) accepts(want int) []int {
	if len(ep.Statuses) > 0 {
		return ep.Statuses
	}
	return []int{want}
}

// pathValue is r.PathValue(name), kept out of line: the call<X> functions
// read some 4,300 path values in the beta reference, and r.PathValue
// inlined into each (its wildcard scan and map lookup, with their
// variables) was about 600 bytes of machine code apiece, and the compiler
// keeps every compiled function's variable tables until it writes the
// package.
//
//go:noinline
func pathValue(r *http.Request, name string) string { return r.PathValue(name) }

// newOf returns a new T for P = *T. Through reflect, so that a function
// generic over P stays one compiled instance for every pointer type.
func newOf[P any]() P {
	return reflect.New(reflect.TypeFor[P]().Elem()).Interface().(P)
}

// PanicError is what WithErrorLog receives when the handling of a request
// panicked: the value passed to panic and the stack where it happened.
type PanicError struct {
	Operation string // the Server method, e.g. "CreateUser"
	Value     any
	Stack     []byte
}

func (e *PanicError) Error() string {
	return fmt.Sprintf("%s panicked: %v\n%s", e.Operation, e.Value, e.Stack)
}

// recoverPanic, deferred, turns a panic into a 500 in the error shape (the
// connection stays usable) and reports it to WithErrorLog.
// http.ErrAbortHandler is panicked again: it asks net/http to abort the
// response, and net/http does not log it.
func (c *handlerConfig) recoverPanic(w http.ResponseWriter, r *http.Request, ep *EndpointInfo) {
	p := recover()
	if p == nil {
		return
	}
	if p == http.ErrAbortHandler {
		panic(p)
	}
	c.fail(w, r, &PanicError{Operation: ep.Operation, Value: p, Stack: debug.Stack()})
}

// fail writes an error from a Server method, logging errors that the
// answer does not show.
func (c *handlerConfig) fail(w http.ResponseWriter, r *http.Request, err error) {
	if e, ok := err.(*Error); (!ok || e.Status < 400 || e.Status > 599) && c.errorLog != nil {
		c.errorLog(r, err)
	}
	writeError(w, err)
}

// authenticate enforces the documented Authorization header and runs the
// Authenticator: 401 for a missing or malformed bearer token, 403 (or the
// Authenticator's *Error) for a denied one.
func (c *handlerConfig) authenticate(r *http.Request, ep *EndpointInfo) (*http.Request, *Error) {
	h := r.Header.Get("Authorization")
	tok, ok := bearerToken(h)
	if !ok && (ep.AuthRequired || h != "") {
		w := errorf(http.StatusUnauthorized, "InvalidAuthenticationToken", "Access token is empty.")
		if h != "" {
			w.Message = "Access token validation failure: want an Authorization header of the form \"Bearer <token>\"."
		}
		return r, w
	}
	if c.auth == nil {
		return r, nil
	}
	ctx, err := c.auth(r.Context(), tok, *ep)
	if err != nil {
		if e, ok := err.(*Error); ok {
			return r, e
		}
		return r, errorf(http.StatusForbidden, "Authorization_RequestDenied", "Insufficient privileges to complete the operation.")
	}
	if ctx != nil && ctx != r.Context() {
		r = r.WithContext(ctx)
	}
	return r, nil
}

// bearerToken parses "Bearer <token>" (scheme case-insensitive, RFC 6750
// token68 without spaces).
func bearerToken(h string) (string, bool) {
	scheme, tok, ok := strings.Cut(h, " ")
	if !ok || !strings.EqualFold(scheme, "Bearer") || tok == "" || strings.ContainsAny(tok, " \t") {
		return "", false
	}
	return tok, true
}

// location is the Location of a created entity: the request path plus the
// id the answer carries, when the route ends in a collection segment
// (not for actions such as /microsoft.graph.createReply). The id is read
// from res, the answer before encoding; data, the encoded answer, is
// parsed only when res's type has no id field.
func location(r *http.Request, status int, res any, data []byte) string {
	if status != http.StatusCreated {
		return ""
	}
	last := r.Pattern[strings.LastIndexByte(r.Pattern, '/')+1:]
	if last == "" || strings.ContainsAny(last, ".:({") {
		return ""
	}
	id, ok := entityID(reflect.ValueOf(res))
	if !ok {
		id = encodedID(data)
	}
	if id == "" {
		return ""
	}
	return strings.TrimSuffix(r.URL.EscapedPath(), "/") + "/" + url.PathEscape(id)
}

// entityID returns the string in the "id" field of the generated struct v
// (behind pointers and polymorphic wrappers), "" when it is absent, null or
// not a string: what encodedID finds in its encoding. ok is false when v
// is not a generated struct with an id field.
func entityID(v reflect.Value) (id string, ok bool) {
	for v.Kind() == reflect.Pointer || v.Kind() == reflect.Interface {
		if v.IsNil() {
			return "", false
		}
		v = v.Elem()
	}
	if v.Type().Implements(polymorphicType) {
		return entityID(reflect.ValueOf(v.Interface().(polymorphic).polyValue()))
	}
	if !isObjectType(v.Type()) {
		return "", false
	}
	f, found := fieldsOf(v.Type()).byName["id"]
	if !found {
		return "", false
	}
	x := v.FieldByIndex(f.index)
	if isOpt(x.Type()) {
		val, set, _ := optOf(x)
		if !set {
			return "", true
		}
		x = val
	}
	if x.Kind() != reflect.String {
		return "", true
	}
	return x.String(), true
}

// encodedID is the string "id" of the JSON object data, "" when there is
// none.
func encodedID(data []byte) string {
	var probe struct {
		ID json.RawMessage `json:"id"`
	}
	var id string
	if json.Unmarshal(data, &probe) != nil || json.Unmarshal(probe.ID, &id) != nil {
		return ""
	}
	return id
}

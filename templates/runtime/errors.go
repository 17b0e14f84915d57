package runtime

import (
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"time"
)

// Error is a Graph error: the HTTP status plus the OData error body
// {"error":{"code":"...","message":"...","innerError":{...}}}. Server
// methods return it to choose the status; the client returns it for every
// non-success answer.
type Error struct {
	Status  int    // HTTP status, e.g. 404
	Code    string // e.g. "notFound"
	Message string
	// RequestID and Date are what the service reported in innerError (or
	// the request-id header). Set by the client; the handler ignores them
	// and writes its own.
	RequestID string
	Date      string
}

// Error formats e as "status code: message".
func (e *Error) Error() string {
	return fmt.Sprintf("%d %s: %s", e.Status, e.Code, e.Message)
}

// errorBody is the wire shape of an OData error.
type errorBody struct {
	Error struct {
		Code       string      `json:"code"`
		Message    string      `json:"message"`
		InnerError *innerError `json:"innerError,omitempty"`
	} `json:"error"`
}

// innerError is Graph's diagnostic block of an error: the ids a support
// request quotes, and the time.
type innerError struct {
	RequestID       string `json:"request-id,omitempty"`
	ClientRequestID string `json:"client-request-id,omitempty"`
	Date            string `json:"date,omitempty"`
}

// errorf returns an *Error with the given status and code.
func errorf(status int, code, format string, args ...any) *Error {
	return &Error{Status: status, Code: code, Message: fmt.Sprintf(format, args...)}
}

// errNotImplemented is what UnimplementedServer returns. It is kept out
// of line: inlined, errorf's allocation and Sprintf call were copied into
// each of UnimplementedServer's methods and again into their
// pointer-receiver wrappers (some 5,600 functions in the beta reference).
//
//go:noinline
func errNotImplemented(op string) error {
	return errorf(http.StatusNotImplemented, "notImplemented", "%s is not implemented", op)
}

// errInternal is the answer for an error that is not an *Error: its text
// may hold internals (paths, SQL, addresses), so it is never sent.
var errInternal = &Error{Status: http.StatusInternalServerError, Code: "internalServerError",
	Message: "An internal server error occurred."}

// graphDate is the layout of innerError.date ("2020-03-05T12:00:00", UTC).
const graphDate = "2006-01-02T15:04:05"

// writeError writes err in the OData error shape, with the request ids
// that withErrorShape put on the response headers. Errors that are not an
// *Error become a 500 that does not repeat their text.
func writeError(w http.ResponseWriter, err error) {
	var e *Error
	if !errors.As(err, &e) {
		e = errInternal
	}
	status := e.Status
	if status < 400 || status > 599 {
		status, e = http.StatusInternalServerError, errInternal
	}
	var body errorBody
	body.Error.Code = e.Code
	if body.Error.Code == "" {
		body.Error.Code = statusCode(status)
	}
	body.Error.Message = e.Message
	if body.Error.Message == "" {
		body.Error.Message = http.StatusText(status)
	}
	body.Error.InnerError = &innerError{
		RequestID:       w.Header().Get("request-id"),
		ClientRequestID: w.Header().Get("client-request-id"),
		Date:            time.Now().UTC().Format(graphDate),
	}
	data, _ := json.Marshal(body) // strings only: cannot fail
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	w.Write(data)
}

// statusCode names the OData error code for an HTTP status.
func statusCode(status int) string {
	switch status {
	case http.StatusBadRequest:
		return "badRequest"
	case http.StatusUnauthorized:
		return "InvalidAuthenticationToken" // Graph's code for missing or bad tokens
	case http.StatusForbidden:
		return "Authorization_RequestDenied" // Graph's code for missing permissions
	case http.StatusNotFound:
		return "notFound"
	case http.StatusMethodNotAllowed:
		return "methodNotAllowed"
	case http.StatusRequestEntityTooLarge:
		return "requestEntityTooLarge"
	case http.StatusUnsupportedMediaType:
		return "unsupportedMediaType"
	case http.StatusTooManyRequests:
		return "tooManyRequests"
	case http.StatusInternalServerError:
		return "internalServerError"
	case http.StatusNotImplemented:
		return "notImplemented"
	case http.StatusServiceUnavailable:
		return "serviceNotAvailable"
	}
	return "error"
}

// newRequestID returns a random UUID (version 4), the form of Graph's
// request-id and client-request-id.
func newRequestID() string {
	var s [36]byte
	formatRequestID(&s)
	return string(s[:])
}

// formatRequestID writes a random UUID (version 4) into s: 8-4-4-4-12
// hex digits.
func formatRequestID(s *[36]byte) {
	var b [16]byte
	rand.Read(b[:]) // never fails (crypto/rand panics instead, per its docs)
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	hex.Encode(s[0:8], b[0:4])
	hex.Encode(s[9:13], b[4:6])
	hex.Encode(s[14:18], b[6:8])
	hex.Encode(s[19:23], b[8:10])
	hex.Encode(s[24:36], b[10:16])
	s[8], s[13], s[18], s[23] = '-', '-', '-', '-'
}

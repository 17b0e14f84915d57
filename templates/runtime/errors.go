package runtime

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
)

// Error is a Graph error: the HTTP status plus the OData error body
// {"error":{"code":"...","message":"..."}}. Server methods return it to
// choose the status; the client returns it for every non-success answer.
type Error struct {
	Status  int    // HTTP status, e.g. 404
	Code    string // e.g. "notFound"
	Message string
}

// Error formats e as "status code: message".
func (e *Error) Error() string {
	return fmt.Sprintf("%d %s: %s", e.Status, e.Code, e.Message)
}

// errorBody is the wire shape of an OData error.
type errorBody struct {
	Error struct {
		Code    string `json:"code"`
		Message string `json:"message"`
	} `json:"error"`
}

// errorf returns an *Error with the given status and code.
func errorf(status int, code, format string, args ...any) *Error {
	return &Error{Status: status, Code: code, Message: fmt.Sprintf(format, args...)}
}

// errNotImplemented is what UnimplementedServer returns.
func errNotImplemented(op string) error {
	return errorf(http.StatusNotImplemented, "notImplemented", "%s is not implemented", op)
}

// writeError writes err in the OData error shape. Errors that are not an
// *Error become 500 internalServerError.
func writeError(w http.ResponseWriter, err error) {
	var e *Error
	if !errors.As(err, &e) {
		e = errorf(http.StatusInternalServerError, "internalServerError", "%v", err)
	}
	status := e.Status
	if status < 400 || status > 599 {
		status = http.StatusInternalServerError
	}
	var body errorBody
	body.Error.Code = e.Code
	body.Error.Message = e.Message
	data, _ := json.Marshal(body) // two strings: cannot fail
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	w.Write(data)
}

// statusCode names the OData error code Graph uses for an HTTP status.
func statusCode(status int) string {
	switch status {
	case http.StatusBadRequest:
		return "badRequest"
	case http.StatusNotFound:
		return "notFound"
	case http.StatusMethodNotAllowed:
		return "methodNotAllowed"
	case http.StatusRequestEntityTooLarge:
		return "requestEntityTooLarge"
	case http.StatusUnsupportedMediaType:
		return "unsupportedMediaType"
	}
	return "error"
}

package runtime

import (
	"encoding/json"
	"errors"
	"io"
	"mime"
	"net/http"
)

// HandlerOption configures NewHandler.
type HandlerOption func(*handlerConfig)

// handlerConfig is what the options set.
type handlerConfig struct {
	maxBodyBytes int64
}

// defaultMaxBodyBytes bounds request bodies; no peer generator limits them.
const defaultMaxBodyBytes = 4 << 20

// WithMaxBodyBytes limits request bodies to n bytes (default 4 MiB);
// larger bodies get 413.
func WithMaxBodyBytes(n int64) HandlerOption {
	return func(c *handlerConfig) { c.maxBodyBytes = n }
}

// newHandlerConfig applies opts to the defaults.
func newHandlerConfig(opts []HandlerOption) *handlerConfig {
	c := &handlerConfig{maxBodyBytes: defaultMaxBodyBytes}
	for _, o := range opts {
		o(c)
	}
	return c
}

// serveJSON returns a handler that decodes the body into a B, calls call and
// writes its result as JSON with status.
func serveJSON[B, R any](c *handlerConfig, status int, call func(*http.Request, *B) (*R, error)) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body := new(B)
		if err := decodeBody(c, w, r, body); err != nil {
			writeError(w, err)
			return
		}
		res, err := call(r, body)
		if err != nil {
			writeError(w, err)
			return
		}
		if res == nil {
			w.WriteHeader(status)
			return
		}
		data, err := json.Marshal(res)
		if err != nil {
			writeError(w, errorf(http.StatusInternalServerError, "internalServerError", "encode response: %v", err))
			return
		}
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(status)
		w.Write(data)
	})
}

// serveNoContent is serveJSON for operations whose answer has no body.
func serveNoContent[B any](c *handlerConfig, status int, call func(*http.Request, *B) error) http.Handler {
	return serveJSON(c, status, func(r *http.Request, b *B) (*struct{}, error) {
		return nil, call(r, b)
	})
}

// decodeBody reads one JSON value from r's body into dst. It checks the
// media type (415), the size (413) and that nothing follows the value (400).
func decodeBody(c *handlerConfig, w http.ResponseWriter, r *http.Request, dst any) *Error {
	if ct := r.Header.Get("Content-Type"); ct != "" {
		mt, _, err := mime.ParseMediaType(ct)
		if err != nil || mt != "application/json" {
			return errorf(http.StatusUnsupportedMediaType, "unsupportedMediaType", "content type %q, want application/json", ct)
		}
	}
	dec := json.NewDecoder(http.MaxBytesReader(w, r.Body, c.maxBodyBytes))
	if err := dec.Decode(dst); err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			return errorf(http.StatusRequestEntityTooLarge, "requestEntityTooLarge", "request body larger than %d bytes", tooBig.Limit)
		}
		if errors.Is(err, io.EOF) {
			return errorf(http.StatusBadRequest, "badRequest", "request body: empty, want a JSON value")
		}
		return errorf(http.StatusBadRequest, "badRequest", "request body: %v", err)
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return errorf(http.StatusBadRequest, "badRequest", "request body: unexpected data after the JSON value")
	}
	return nil
}

// withErrorShape wraps mux so that its own answers (404 for no route, 405
// for a wrong method) are written in the OData error shape too.
func withErrorShape(mux *http.ServeMux) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h, pattern := mux.Handler(r)
		if pattern != "" {
			mux.ServeHTTP(w, r) // sets the path values
			return
		}
		rec := &headerRecorder{header: http.Header{}, status: http.StatusOK}
		h.ServeHTTP(rec, r)
		for _, k := range []string{"Allow", "Location"} {
			if v := rec.header.Get(k); v != "" {
				w.Header().Set(k, v)
			}
		}
		if rec.status < 400 {
			w.WriteHeader(rec.status)
			return
		}
		writeError(w, errorf(rec.status, statusCode(rec.status), "%s %s: %s", r.Method, r.URL.Path, http.StatusText(rec.status)))
	})
}

// headerRecorder captures the status and headers the mux's fallback writes.
type headerRecorder struct {
	header http.Header
	status int
}

func (h *headerRecorder) Header() http.Header         { return h.header }
func (h *headerRecorder) Write(b []byte) (int, error) { return len(b), nil }
func (h *headerRecorder) WriteHeader(status int)      { h.status = status }

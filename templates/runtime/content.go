package runtime

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"mime"
	"net/http"
	"slices"
	"strings"
)

// Content is a body that is not JSON: a file upload the Server method
// reads, or a media answer (a photo, a file's bytes, a CSV report) it
// returns.
type Content struct {
	// Type is the media type, e.g. "image/jpeg". The handler sets it from
	// the request's Content-Type; in an answer, "" means the documented
	// type.
	Type string
	// Body is the bytes. In a request it is bounded by WithMaxBodyBytes
	// (reading past it fails); in an answer the handler copies it to the
	// client and closes it when it is an io.Closer.
	Body io.Reader
}

// readContent checks a non-JSON request body against the documented
// media type (415 when the type is missing or another; a documented
// application/octet-stream takes any type, as a file upload does) and
// hands it over as a stream bounded by WithMaxBodyBytes.
func readContent(c *handlerConfig, w http.ResponseWriter, r *http.Request, ep *EndpointInfo, dst *Content) *Error {
	mt, _, err := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if err != nil || ep.Content != "application/octet-stream" && !strings.EqualFold(mt, ep.Content) {
		return errorf(http.StatusUnsupportedMediaType, "unsupportedMediaType", "content type %q, want %s", r.Header.Get("Content-Type"), ep.Content)
	}
	if r.ContentLength > c.maxBodyBytes {
		return tooLarge(c.maxBodyBytes)
	}
	dst.Type, dst.Body = mt, http.MaxBytesReader(w, r.Body, c.maxBodyBytes)
	return nil
}

// serveContent is serveJSON for an answer that is a media stream: call's
// Content is copied with its type (the documented one when it sets none)
// and status. B is a pointer type, as serveJSON's.
//
//go:noinline
func serveContent[S, B any](c *handlerConfig, s S, ep *EndpointInfo, status int, call func(S, *http.Request, *Query, B) (*Content, error)) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		defer c.recoverPanic(w, r, ep)
		body := newOf[B]()
		r, q, err := c.prepare(w, r, ep, body)
		if err != nil {
			writeError(w, err)
			return
		}
		res, callErr := call(s, r, q, body)
		if callErr == nil && (res == nil || res.Body == nil) {
			callErr = fmt.Errorf("%s returned no content and no error", ep.Operation)
		}
		if callErr != nil {
			c.fail(w, r, callErr)
			return
		}
		if cl, ok := res.Body.(io.Closer); ok {
			defer cl.Close()
		}
		ctype := res.Type
		if ctype == "" {
			ctype = ep.Answer
		}
		w.Header().Set("Content-Type", ctype)
		w.WriteHeader(status)
		io.Copy(w, res.Body)
	})
}

// serveRedirect is serveJSON for an answer that is a redirect (Graph's
// reports answer 302 to a preauthenticated download URL): call returns
// the URL, sent as Location with status.
//
//go:noinline
func serveRedirect[S, B any](c *handlerConfig, s S, ep *EndpointInfo, status int, call func(S, *http.Request, *Query, B) (string, error)) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		defer c.recoverPanic(w, r, ep)
		body := newOf[B]()
		r, q, err := c.prepare(w, r, ep, body)
		if err != nil {
			writeError(w, err)
			return
		}
		loc, callErr := call(s, r, q, body)
		if callErr == nil && loc == "" {
			callErr = fmt.Errorf("%s returned no redirect URL and no error", ep.Operation)
		}
		if callErr != nil {
			c.fail(w, r, callErr)
			return
		}
		w.Header().Set("Location", loc)
		w.WriteHeader(status)
	})
}

// stream sends a request to ep on route and returns the body of a
// want-status answer unread, for the caller to close: a media answer, or
// the target of a redirect, which the HTTP client follows. body, when not
// nil, is a *Content sent as is with its type, or a JSON body. A stream
// is sent once: a throttled answer is returned as an *Error, not retried.
func (c *Client) stream(ctx context.Context, ep *EndpointInfo, route string, params []string, q *Query, body any, want int) (io.ReadCloser, error) {
	resp, err := c.openStream(ctx, ep, route, params, q, body, want)
	if err != nil {
		return nil, err
	}
	return resp.Body, nil
}

// openStream sends the request of stream and returns the answer of a
// want status with its body unread; any other answer is read and returned
// as an *Error.
func (c *Client) openStream(ctx context.Context, ep *EndpointInfo, route string, params []string, q *Query, body any, want int) (*http.Response, error) {
	path, err := fillRoute(ep, route, params)
	if err != nil {
		return nil, err
	}
	path += q.encode()
	var rd io.Reader
	ctype := ""
	switch b := body.(type) {
	case nil:
	case *Content:
		if b == nil || b.Body == nil {
			return nil, fmt.Errorf("%s %s: %w", ep.Method, path, ErrNilBody)
		}
		rd, ctype = b.Body, b.Type
		if ctype == "" {
			ctype = ep.Content
		}
	default:
		data, err := json.Marshal(b)
		if err != nil {
			return nil, fmt.Errorf("%s %s: encode request: %w", ep.Method, path, err)
		}
		rd, ctype = bytes.NewReader(data), "application/json"
	}
	resp, err := c.open(ctx, ep.Method, path, rd, ctype, newRequestID())
	if err != nil {
		return nil, err
	}
	if slices.Contains(ep.accepts(want), resp.StatusCode) || want == http.StatusFound && resp.StatusCode == http.StatusOK {
		return resp, nil
	}
	defer resp.Body.Close()
	answer, err := readAnswer(resp)
	if err != nil {
		return nil, fmt.Errorf("%s %s: read response: %w", ep.Method, path, err)
	}
	return nil, responseError(resp.StatusCode, resp.Header, answer)
}

// upload sends body, a Content of the documented type, on route and
// decodes a want-status JSON answer into out (nil for none).
func (c *Client) upload(ctx context.Context, ep *EndpointInfo, route string, params []string, body *Content, out any, want int) error {
	_, err := c.uploadStatus(ctx, ep, route, params, body, out, want)
	return err
}

// uploadStatus is upload returning the status that answered (see
// callStatus), 0 with an error.
func (c *Client) uploadStatus(ctx context.Context, ep *EndpointInfo, route string, params []string, body *Content, out any, want int) (int, error) {
	resp, err := c.openStream(ctx, ep, route, params, nil, body, want)
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(resp.Body)
	if err != nil {
		return 0, err
	}
	if out == nil || len(strings.TrimSpace(string(data))) == 0 {
		return resp.StatusCode, nil
	}
	if err := json.Unmarshal(data, out); err != nil {
		return 0, fmt.Errorf("%s %s: decode response: %w", ep.Method, route, err)
	}
	return resp.StatusCode, nil
}

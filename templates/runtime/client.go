package runtime

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"time"
)

// Client calls the operations over HTTP. Set BaseURL, e.g.
// "https://graph.microsoft.com/beta"; the other fields may stay zero.
type Client struct {
	BaseURL    string                                    // service root, without a trailing slash
	HTTPClient *http.Client                              // nil means http.DefaultClient
	Token      func(ctx context.Context) (string, error) // bearer token source; nil sends no Authorization header

	// MaxRetries bounds how often a 429 or 503 answer carrying Retry-After
	// is retried: 0 means 3, a negative value disables retries.
	MaxRetries int
	// MaxRetryWait is the longest Retry-After the client waits for: 0
	// means 30s; an answer asking for longer is returned as an error.
	MaxRetryWait time.Duration
}

// ErrNilBody is returned, wrapped, by a client method called with a nil
// body: it would send "null", which no endpoint accepts (the generated
// handler answers 400), so it is refused before anything is sent.
var ErrNilBody = errors.New("request body is nil")

// do is doStatus for a caller that expects one status.
func (c *Client) do(ctx context.Context, method, path string, body, out any, want ...int) error {
	_, err := c.doStatus(ctx, method, path, body, out, want...)
	return err
}

// doStatus sends body as JSON to method path and decodes an answer of a
// want status (one, or each a PUT documents) into out (nil when the answer
// has no body); it returns that status, 0 with an error. body is a
// pointer; nil (an untyped nil) sends no body, as get, list and delete do,
// while a nil pointer is refused (ErrNilBody). Other statuses become
// *Error. Throttled answers (429, 503 with Retry-After) are retried,
// bounded.
func (c *Client) doStatus(ctx context.Context, method, path string, body, out any, want ...int) (int, error) {
	var data []byte
	if body != nil {
		if v := reflect.ValueOf(body); v.Kind() == reflect.Pointer && v.IsNil() {
			return 0, fmt.Errorf("%s %s: %w", method, path, ErrNilBody)
		}
		var err error
		if data, err = encodeJSON(body); err != nil {
			return 0, fmt.Errorf("%s %s: encode request: %w", method, path, err)
		}
	}
	crid := newRequestID() // one id for all attempts, as Graph's SDKs do
	for attempt := 0; ; attempt++ {
		status, hdr, answer, err := c.send(ctx, method, path, data, crid)
		if err != nil {
			return 0, err
		}
		if slices.Contains(want, status) {
			if out == nil || len(bytes.TrimSpace(answer)) == 0 {
				return status, nil
			}
			if err := decodeJSON(answer, out); err != nil {
				return 0, fmt.Errorf("%s %s: decode response: %w", method, path, err)
			}
			return status, nil
		}
		wait, retry := c.retryAfter(status, hdr, attempt)
		if !retry {
			return 0, responseError(status, hdr, answer)
		}
		t := time.NewTimer(wait)
		select {
		case <-ctx.Done():
			t.Stop()
			return 0, ctx.Err()
		case <-t.C:
		}
	}
}

// send makes one attempt and reads the whole answer.
func (c *Client) send(ctx context.Context, method, path string, data []byte, crid string) (int, http.Header, []byte, error) {
	var rd io.Reader
	ctype := ""
	if data != nil {
		rd, ctype = bytes.NewReader(data), "application/json"
	}
	resp, err := c.open(ctx, method, path, rd, ctype, crid)
	if err != nil {
		return 0, nil, nil, err
	}
	defer resp.Body.Close()
	answer, err := readAnswer(resp)
	if err != nil {
		return 0, nil, nil, fmt.Errorf("%s %s: read response: %w", method, path, err)
	}
	return resp.StatusCode, resp.Header, answer, nil
}

// open sends one request with body (nil for none) of type ctype and
// returns the answer unread.
func (c *Client) open(ctx context.Context, method, path string, body io.Reader, ctype, crid string) (*http.Response, error) {
	req, err := http.NewRequestWithContext(ctx, method, strings.TrimSuffix(c.BaseURL, "/")+path, body)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Accept", "application/json")
	req.Header.Set("client-request-id", crid)
	if ctype != "" {
		req.Header.Set("Content-Type", ctype)
	}
	if c.Token != nil {
		tok, err := c.Token(ctx)
		if err != nil {
			return nil, fmt.Errorf("%s %s: token: %w", method, path, err)
		}
		req.Header.Set("Authorization", "Bearer "+tok)
	}
	hc := c.HTTPClient
	if hc == nil {
		hc = http.DefaultClient
	}
	return hc.Do(req)
}

// readAnswer reads the whole answer, undoing its Content-Encoding. Go's
// transport asks for gzip and decodes the answer itself (removing the
// header) unless the request set Accept-Encoding or compression is
// disabled; an answer that still carries a coding (another transport, a
// server that compresses unasked) is decoded here.
func readAnswer(resp *http.Response) ([]byte, error) {
	codings, e := contentCodings(resp.Header)
	if e != nil {
		return nil, errors.New(e.Message)
	}
	rd, err := decodeContent(resp.Body, codings)
	if err != nil {
		return nil, err
	}
	data, err := readAll(rd, sizeHint(resp.ContentLength, codings, maxSizeHint))
	if err != nil && len(codings) > 0 {
		err = codingError(strings.Join(codings, ", "), err)
	}
	return data, err
}

// retryAfter says whether a throttled answer is retried, and after how long.
func (c *Client) retryAfter(status int, hdr http.Header, attempt int) (time.Duration, bool) {
	if status != http.StatusTooManyRequests && status != http.StatusServiceUnavailable {
		return 0, false
	}
	limit, maxWait := c.MaxRetries, c.MaxRetryWait
	if limit == 0 {
		limit = 3
	}
	if maxWait <= 0 {
		maxWait = 30 * time.Second
	}
	if attempt >= limit {
		return 0, false
	}
	d, ok := parseRetryAfter(hdr.Get("Retry-After"), time.Now())
	if !ok || d > maxWait {
		return 0, false
	}
	return d, true
}

// parseRetryAfter reads delay-seconds or an HTTP-date (RFC 9110 10.2.3).
func parseRetryAfter(v string, now time.Time) (time.Duration, bool) {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0, false
	}
	if n, err := strconv.ParseInt(v, 10, 64); err == nil {
		if n < 0 || n > 1<<31 {
			return 0, false
		}
		return time.Duration(n) * time.Second, true
	}
	t, err := http.ParseTime(v)
	if err != nil {
		return 0, false
	}
	return max(t.Sub(now), 0), true
}

// responseError turns an unexpected answer into an *Error, reading the
// OData error body when there is one.
func responseError(status int, hdr http.Header, data []byte) *Error {
	e := &Error{Status: status, Code: statusCode(status), RequestID: hdr.Get("request-id")}
	var body errorBody
	if json.Unmarshal(data, &body) == nil && body.Error.Code != "" {
		e.Code, e.Message = body.Error.Code, body.Error.Message
		if in := body.Error.InnerError; in != nil {
			e.Date = in.Date
			if in.RequestID != "" {
				e.RequestID = in.RequestID
			}
		}
		return e
	}
	msg := strings.TrimSpace(string(data))
	if len(msg) > 200 {
		msg = msg[:200]
	}
	if msg == "" {
		msg = http.StatusText(status)
	}
	e.Message = msg
	return e
}

// errEmptyParam is returned by client methods called with an empty path
// parameter, which would address another resource.
func errEmptyParam(op, param string) error {
	return fmt.Errorf("%s: path parameter %s is empty", op, param)
}

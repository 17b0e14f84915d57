package runtime

import (
	"bytes"
	"compress/flate"
	"compress/gzip"
	"compress/zlib"
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// compress returns data with coding applied ("deflate-raw": a bare
// deflate stream, which some senders call deflate).
func compress(t *testing.T, coding string, data []byte) []byte {
	t.Helper()
	var b bytes.Buffer
	var w io.WriteCloser
	switch coding {
	case "gzip":
		w = gzip.NewWriter(&b)
	case "deflate":
		w = zlib.NewWriter(&b)
	case "deflate-raw":
		w, _ = flate.NewWriter(&b, flate.BestCompression)
	default:
		t.Fatalf("unknown coding %s", coding)
	}
	w.Write(data)
	w.Close()
	return b.Bytes()
}

// doEncoded posts body with the Content-Encoding header enc ("" for none).
func doEncoded(h http.Handler, enc string, body []byte) *httptest.ResponseRecorder {
	req := httptest.NewRequest("POST", "/shops/s1/widgets", bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Authorization", "Bearer tok")
	if enc != "" {
		req.Header.Set("Content-Encoding", enc)
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec
}

func TestHandlerContentEncoding(t *testing.T) {
	body := []byte(`{"name":"n","kind":"small"}`)
	gz := compress(t, "gzip", body)
	// 64 KiB of spaces inside the JSON: 100 bytes gzipped, over the limit decoded.
	bomb := compress(t, "gzip", []byte(`{"name":"n"`+strings.Repeat(" ", 64<<10)+`}`))
	for _, tc := range []struct {
		name, enc string
		body      []byte
		status    int
		msg       string
	}{
		{"gzip", "gzip", gz, 201, ""},
		{"x-gzip, any case", "X-GZIP", gz, 201, ""},
		{"deflate (zlib)", "deflate", compress(t, "deflate", body), 201, ""},
		{"deflate (bare)", "deflate", compress(t, "deflate-raw", body), 201, ""},
		{"identity", "identity", body, 201, ""},
		{"identity then gzip", "identity, gzip", gz, 201, ""},
		{"gzip twice", "gzip, gzip", compress(t, "gzip", gz), 201, ""},
		{"three codings", "gzip, gzip, gzip", gz, 415, "at most 2"},
		{"brotli", "br", body, 415, `content encoding \"br\" is not supported`},
		{"not gzip", "gzip", body, 400, "invalid gzip data"},
		{"truncated gzip", "gzip", gz[:len(gz)-5], 400, "invalid gzip data"},
		{"zip bomb", "gzip", bomb, 413, "larger than 4096 bytes"},
		{"gzip of bad JSON", "gzip", compress(t, "gzip", []byte(`{"name":`)), 400, "malformed JSON at byte offset 8"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			rec := doEncoded(widgetHandler(WithMaxBodyBytes(4096)), tc.enc, tc.body)
			if tc.status == 201 {
				checkAnswer(t, rec, 201, []byte(`{"id":"w-s1","name":"n","kind":"small"}`))
				return
			}
			raw := rec.Body.String()
			checkErrorAnswer(t, rec, tc.status, statusCode(tc.status))
			if !strings.Contains(raw, tc.msg) {
				t.Errorf("answer %s, want it to contain %q", raw, tc.msg)
			}
			if got := rec.Header().Get("Accept-Encoding"); (tc.status == 415) != (got == acceptedCodings) {
				t.Errorf("Accept-Encoding %q on a %d", got, tc.status)
			}
		})
	}
}

// TestHandlerEncodingOrder checks that the content type is checked before
// the encoding, and the encoding before the size.
func TestHandlerEncodingOrder(t *testing.T) {
	req := httptest.NewRequest("POST", "/shops/s1/widgets", strings.NewReader(strings.Repeat(" ", 300)))
	req.Header.Set("Authorization", "Bearer tok")
	req.Header.Set("Content-Type", "text/plain")
	req.Header.Set("Content-Encoding", "br")
	h := widgetHandler(WithMaxBodyBytes(100))
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	if !strings.Contains(rec.Body.String(), "text/plain") {
		t.Errorf("content type not checked first: %s", rec.Body)
	}
	req.Header.Set("Content-Type", "application/json")
	rec = httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	checkErrorAnswer(t, rec, 415, "unsupportedMediaType")
}

// TestClientDecodesCompressedAnswers checks that the client's answers are
// decoded whoever compressed them: Go's transport when it asked for gzip
// itself, or the client when a transport hands over a body that is still
// encoded.
func TestClientDecodesCompressedAnswers(t *testing.T) {
	answer := []byte(`{"id":"1","name":"n"}`)
	var acceptEncoding string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		acceptEncoding = r.Header.Get("Accept-Encoding")
		w.Header().Set("Content-Encoding", "gzip")
		w.WriteHeader(201)
		w.Write(compress(t, "gzip", answer))
	}))
	defer srv.Close()
	var out widget
	if err := (&Client{BaseURL: srv.URL}).do(context.Background(), "POST", "/w", &widget{}, &out, 201); err != nil {
		t.Fatal(err)
	}
	if acceptEncoding != "gzip" || optValue(out.Name) != "n" {
		t.Errorf("Accept-Encoding %q, decoded %+v", acceptEncoding, out)
	}

	for _, tc := range []struct {
		enc  string
		body []byte
		want string // "" for success, else a substring of the error
	}{
		{"gzip", compress(t, "gzip", answer), ""},
		{"deflate", compress(t, "deflate", answer), ""},
		{"br", answer, `"br"`},
		{"gzip", answer, "invalid gzip data"},
	} {
		rt := roundTripFunc(func(*http.Request) (*http.Response, error) {
			return &http.Response{StatusCode: 201, Header: http.Header{"Content-Encoding": {tc.enc}},
				Body: io.NopCloser(bytes.NewReader(tc.body))}, nil
		})
		var out widget
		err := (&Client{BaseURL: "http://graph.invalid", HTTPClient: &http.Client{Transport: rt}}).do(context.Background(), "POST", "/w", &widget{}, &out, 201)
		switch {
		case tc.want == "" && (err != nil || optValue(out.Name) != "n"):
			t.Errorf("%s: err %v, decoded %+v", tc.enc, err, out)
		case tc.want != "" && (err == nil || !strings.Contains(err.Error(), tc.want)):
			t.Errorf("%s: err %v, want it to contain %q", tc.enc, err, tc.want)
		}
	}
}

type roundTripFunc func(*http.Request) (*http.Response, error)

func (f roundTripFunc) RoundTrip(r *http.Request) (*http.Response, error) { return f(r) }

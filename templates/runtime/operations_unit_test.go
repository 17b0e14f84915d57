package runtime

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"strconv"
	"strings"
	"testing"
)

// The operations other than create: query options, pages, streams,
// redirects and bodyless requests, through the generic handler and client
// helpers a generated endpoint calls.

func TestParseQuery(t *testing.T) {
	q, err := parseQuery("$select=id,displayName&$expand=members($select=id,mail),owners&$top=5&$count=true&$filter=" +
		"startswith(displayName,'a,b')&startDateTime=2020-01-01T00:00:00Z&$orderby=displayName%20desc,id")
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(q.Select, "|") != "id|displayName" || strings.Join(q.Expand, "|") != "members($select=id,mail)|owners" ||
		*q.Top != 5 || !*q.Count || q.Filter != "startswith(displayName,'a,b')" || strings.Join(q.OrderBy, "|") != "displayName desc|id" ||
		q.Params.Get("startDateTime") != "2020-01-01T00:00:00Z" {
		t.Errorf("parsed %+v", q)
	}
	for _, raw := range []string{"$top=abc", "$top=-1", "$skip=1.5", "$count=yes", "$bogus=1", "$top=1&$top=2", "%zz"} {
		if _, err := parseQuery(raw); err == nil || err.Status != http.StatusBadRequest {
			t.Errorf("%q: err %v, want 400", raw, err)
		}
	}
	if q, _ := parseQuery("$TOP=3"); q.Top == nil || *q.Top != 3 {
		t.Error("$TOP: system option names are case-insensitive")
	}
}

func TestQueryEncodeRoundTrip(t *testing.T) {
	top, count := 7, false
	in := Query{Select: []string{"id", "mail"}, Filter: "a eq 'x&y'", Top: &top, Count: &count, Params: map[string][]string{"period": {"D7"}}}
	out, err := parseQuery(strings.TrimPrefix(in.encode(), "?"))
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(out.Select, ",") != "id,mail" || out.Filter != in.Filter || *out.Top != 7 || *out.Count || out.Params.Get("period") != "D7" {
		t.Errorf("encode %q parsed back as %+v", in.encode(), out)
	}
	if (*Query)(nil).encode() != "" || (&Query{}).encode() != "" {
		t.Error("an empty query encodes as something")
	}
}

// eventsRequest is a request struct with typed query fields, as the
// generator writes for calendarView.
type eventsRequest struct {
	Start *string  `query:"startDateTime,required"`
	Limit *int64   `query:"limit"`
	Ratio *float64 `query:"ratio"`
	Flag  *bool    `query:"flag"`
}

func TestBindParams(t *testing.T) {
	q, _ := parseQuery("startdatetime='2020-01-01'&limit=3&flag=true")
	var req eventsRequest
	if err := bindParams(&req, &q); err != nil {
		t.Fatal(err)
	}
	if *req.Start != "2020-01-01" || *req.Limit != 3 || !*req.Flag || req.Ratio != nil {
		t.Errorf("bound %+v", req)
	}
	for _, raw := range []string{"limit=3", "startDateTime=x&limit=many", "startDateTime=x&ratio=high", "startDateTime=x&flag=2"} {
		q, _ := parseQuery(raw)
		var e *Error
		if err := bindParams(new(eventsRequest), &q); !errors.As(err, &e) || e.Status != http.StatusBadRequest {
			t.Errorf("%q: err %v, want 400", raw, err)
		}
	}
}

var listEndpoint = EndpointInfo{Operation: "ListWidgets", Method: "GET", Patterns: []string{"GET /widgets"}}

// pagedWidgets serves GET /widgets in pages of two items out of n,
// following $skiptoken, through serveJSON with no body; it fails the page
// starting at failAt (when > 0) with 503 and no Retry-After.
func pagedWidgets(n, failAt int) http.Handler {
	c := newHandlerConfig(nil)
	mux := newRouter()
	mux.Handle("GET /widgets", serveJSON(c, struct{}{}, &listEndpoint, 200, func(_ struct{}, r *http.Request, q *Query, _ *struct{}) (*Page[widget], error) {
		start, _ := strconv.Atoi(q.SkipToken)
		if failAt > 0 && start >= failAt {
			return nil, errorf(http.StatusServiceUnavailable, "serviceUnavailable", "try later")
		}
		page := &Page[widget]{Value: []widget{}}
		for i := start; i < min(start+2, n); i++ {
			page.Value = append(page.Value, widget{Name: Some(strconv.Itoa(i))})
		}
		if start+2 < n {
			page.NextLink = "http://" + r.Host + "/widgets?$skiptoken=" + strconv.Itoa(start+2)
		}
		return page, nil
	}))
	return withErrorShape(mux)
}

func TestListAndIterate(t *testing.T) {
	client := exampleClient(t, pagedWidgets(5, 0))
	page, err := list[*Page[widget]](context.Background(), client, &listEndpoint, "/widgets", nil, nil)
	if err != nil || len(page.Value) != 2 || page.NextLink == "" {
		t.Fatalf("first page %+v, %v", page, err)
	}
	var names []string
	for w, err := range all[widget](context.Background(), client, &listEndpoint, "/widgets", nil, nil) {
		if err != nil {
			t.Fatal(err)
		}
		names = append(names, optValue(w.Name))
	}
	if strings.Join(names, ",") != "0,1,2,3,4" {
		t.Errorf("iterated %q, want the 5 items of 3 pages", names)
	}
}

func TestIterateStopsAtFirstError(t *testing.T) {
	client := exampleClient(t, pagedWidgets(9, 4))
	var got []string
	var errs []error
	for w, err := range all[widget](context.Background(), client, &listEndpoint, "/widgets", nil, nil) {
		if err != nil {
			errs = append(errs, err)
			continue
		}
		got = append(got, optValue(w.Name))
	}
	var e *Error
	if strings.Join(got, ",") != "0,1,2,3" || len(errs) != 1 || !errors.As(errs[0], &e) || e.Status != 503 {
		t.Errorf("items %q, errors %v; want 4 items then one 503", got, errs)
	}
}

func TestIterateHonoursContext(t *testing.T) {
	client := exampleClient(t, pagedWidgets(9, 0))
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	n := 0
	var last error
	for _, err := range all[widget](ctx, client, &listEndpoint, "/widgets", nil, nil) {
		if err != nil {
			last = err
			break
		}
		if n++; n == 2 {
			cancel() // after the first page: the next one is not fetched
		}
	}
	if n != 2 || !errors.Is(last, context.Canceled) {
		t.Errorf("%d items, error %v; want 2 items then context.Canceled", n, last)
	}
}

func TestQueryReachesHandlerAndMalformedIs400(t *testing.T) {
	client := exampleClient(t, pagedWidgets(5, 0))
	top := 2
	if _, err := list[*Page[widget]](context.Background(), client, &listEndpoint, "/widgets", nil, &Query{Top: &top, SkipToken: "2"}); err != nil {
		t.Fatal(err)
	}
	rec := doWidget(pagedWidgets(5, 0), "GET", "/widgets?$top=abc", "-", "-", "")
	var body errorBody
	if rec.Code != 400 || json.Unmarshal(rec.Body.Bytes(), &body) != nil || body.Error.Code != "badRequest" {
		t.Errorf("$top=abc: %d %s, want 400 badRequest in the error shape", rec.Code, rec.Body)
	}
}

var photoEndpoint = EndpointInfo{Operation: "GetPhotoValue", Method: "GET", Patterns: []string{"GET /photo", "PUT /photo"}, Answer: "image/jpeg"}

func TestContentAnswerAndUpload(t *testing.T) {
	c := newHandlerConfig(nil)
	mux := newRouter()
	mux.Handle("GET /photo", serveContent(c, struct{}{}, &photoEndpoint, 200, func(struct{}, *http.Request, *Query, *struct{}) (*Content, error) {
		return &Content{Body: strings.NewReader("JPEG")}, nil
	}))
	put := photoEndpoint
	put.Method, put.Content = "PUT", "image/jpeg"
	var received string
	mux.Handle("PUT /photo", serveNoContent(c, struct{}{}, &put, 204, func(_ struct{}, _ *http.Request, _ *Query, b *Content) error {
		data, err := io.ReadAll(b.Body)
		received = b.Type + ":" + string(data)
		return err
	}))
	client := exampleClient(t, withErrorShape(mux))
	rc, err := client.stream(context.Background(), &photoEndpoint, "/photo", nil, nil, nil, 200)
	checkClientStream(t, err, rc, "JPEG")
	if err := client.upload(context.Background(), &put, "/photo", nil, &Content{Body: strings.NewReader("NEW")}, nil, 204); err != nil || received != "image/jpeg:NEW" {
		t.Errorf("upload: %v, server got %q", err, received)
	}
	if status, err := client.uploadStatus(context.Background(), &put, "/photo", nil, &Content{Body: strings.NewReader("AGAIN")}, nil, 204); err != nil || status != 204 {
		t.Errorf("upload reporting its status: %d, %v; want 204", status, err)
	}
	if rec := doWidget(withErrorShape(mux), "PUT", "/photo", "text/plain", "-", "x"); rec.Code != http.StatusUnsupportedMediaType {
		t.Errorf("upload as text/plain: %d, want 415", rec.Code)
	}
	rec := doWidget(withErrorShape(mux), "GET", "/photo", "-", "-", "")
	if rec.Code != 200 || rec.Header().Get("Content-Type") != "image/jpeg" || rec.Body.String() != "JPEG" {
		t.Errorf("media answer %d %q %q", rec.Code, rec.Header().Get("Content-Type"), rec.Body)
	}
}

func TestRedirectAnswer(t *testing.T) {
	ep := EndpointInfo{Operation: "GetReport", Method: "GET", Patterns: []string{"GET /report", "GET /file"}}
	c := newHandlerConfig(nil)
	mux := newRouter()
	mux.Handle("GET /report", serveRedirect(c, struct{}{}, &ep, 302, func(_ struct{}, r *http.Request, _ *Query, _ *struct{}) (string, error) {
		return "/file", nil
	}))
	mux.Handle("GET /file", serveContent(c, struct{}{}, &ep, 200, func(struct{}, *http.Request, *Query, *struct{}) (*Content, error) {
		return &Content{Type: "application/octet-stream", Body: strings.NewReader("a,b\n")}, nil
	}))
	h := withErrorShape(mux)
	if rec := doWidget(h, "GET", "/report", "-", "-", ""); rec.Code != 302 || rec.Header().Get("Location") != "/file" {
		t.Errorf("redirect: %d Location %q", rec.Code, rec.Header().Get("Location"))
	}
	rc, err := exampleClient(t, h).stream(context.Background(), &ep, "/report", nil, nil, nil, 302)
	checkClientStream(t, err, rc, "a,b\n") // the client followed the redirect
}

func TestNoBodyRequestIgnoresContentType(t *testing.T) {
	ep := EndpointInfo{Operation: "DeleteWidget", Method: "DELETE", Patterns: []string{"DELETE /widgets/{id}"}}
	c := newHandlerConfig(nil)
	mux := newRouter()
	got := ""
	mux.Handle("DELETE /widgets/{id}", serveNoContent(c, struct{}{}, &ep, 204, func(_ struct{}, r *http.Request, _ *Query, _ *struct{}) error {
		got = r.PathValue("id")
		return nil
	}))
	client := exampleClient(t, withErrorShape(mux))
	if err := client.call(context.Background(), &ep, "/widgets/{id}", []string{"w1"}, nil, nil, nil, 204); err != nil || got != "w1" {
		t.Errorf("delete: %v, server got %q", err, got)
	}
}

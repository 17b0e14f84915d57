package runtime

import (
	"context"
	"encoding/json"
	"errors"
	"strings"
	"testing"
)

// TestSupportHelpers runs the helpers of the generated golden tests the way
// an emitted example test does, against the widget handler: they pass on a
// handler and client that keep the example, so a failure in a generated
// package points at the generated code, not at the helpers.
func TestSupportHelpers(t *testing.T) {
	req := []byte(`{"name":"n","when":"2017-01-01T00:00:44.0416421+03:00"}`)
	resp := []byte(`{"id":"w-s","name":"n","when":"2017-01-01T00:00:44.0416421+03:00"}`)
	checkRoundTrip[widget](t, "request", req)
	checkRoundTrip[widget](t, "response", resp)
	var received any = decodeExample[widget](t, req) // the handler echoes it
	checkHandler(t, widgetHandler(), "POST", "/shops/s/widgets", req, 201, resp, &received)
	t.Run("client", func(t *testing.T) {
		got := new(widget)
		err := exampleClient(t, widgetHandler()).do(context.Background(), "POST", "/shops/s/widgets", decodeExample[widget](t, req), got, 201)
		checkClientAnswer(t, err, resp, got)
	})
}

// TestSupportComparisons: what the helpers compare tells a lost key, a
// different answer and a different status apart, which is what makes the
// generated tests worth running.
func TestSupportComparisons(t *testing.T) {
	lost, err := json.Marshal(&widget{Name: Some("n")})
	if err != nil {
		t.Fatal(err)
	}
	other := serveExample(t, widgetHandler(), "POST", "/shops/t/widgets", []byte(`{"name":"n"}`))
	for name, c := range map[string]struct{ want, got []byte }{
		"round trip loses a key":       {[]byte(`{"name":"n","x":1}`), lost},
		"handler answers another body": {[]byte(`{"id":"w-s","name":"n"}`), other.Body.Bytes()},
		"another instant":              {[]byte(`{"when":"2017-01-01T00:00:44+03:00"}`), []byte(`{"when":"2017-01-01T00:00:44Z"}`)},
		"another double":               {[]byte(`{"x":47.64056839048862}`), []byte(`{"x":47.640568390488625}`)},
		"another large integer":        {[]byte(`{"n":9007199254740993}`), []byte(`{"n":9007199254740992}`)},
	} {
		if diff, err := jsonDiff(c.want, c.got); err != nil || diff == "" {
			t.Errorf("%s: jsonDiff found no difference (err %v)", name, err)
		}
	}
	if diff, _ := jsonDiff([]byte(`{"n":1.0,"d":47.640568390488626,"t":"2017-01-01T00:00:44.0416421+03:00"}`), []byte(`{"t":"2016-12-31T21:00:44.0416421Z","d":47.640568390488625,"n":1}`)); diff != "" {
		t.Errorf("equal JSON values differ:\n%s", diff)
	}
	if rec := serveExample(t, widgetHandler(), "POST", "/shops/fail/widgets", []byte(`{"name":"n"}`)); rec.Code == 201 {
		t.Errorf("a failing Server answered 201")
	}
}

// TestErrNotImplemented: what UnimplementedServer returns is a 501 in the
// error shape, naming the operation.
func TestErrNotImplemented(t *testing.T) {
	var e *Error
	if !errors.As(errNotImplemented("CreateWidget"), &e) || e.Status != 501 || e.Code != "notImplemented" ||
		!strings.Contains(e.Message, "CreateWidget") {
		t.Errorf("errNotImplemented = %+v", e)
	}
}

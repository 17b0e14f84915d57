package runtime

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"reflect"
	"runtime"
	"strings"
	"sync"
	"testing"
	"testing/iotest"
)

// FuzzPageDecodeMatchesEncodingJSON decodes random bodies as a
// Page[fuzzItem] with the one-pass decoder, both as the client does
// (strings viewing the body) and as UnmarshalJSON does, and checks them
// against a reference built from encoding/json: the annotations read by
// json.Unmarshal, the items by the item reference of
// FuzzDecodeMatchesEncodingJSON (exact keys, the last duplicate winning,
// as there). Both must accept the same bodies and read the same page;
// what the decoder reads must encode byte for byte as json.Marshal
// writes the same page (which calls each item's MarshalJSON), and decode
// back to itself.
func FuzzPageDecodeMatchesEncodingJSON(f *testing.F) {
	for _, s := range []string{
		`{"@odata.context":"https://graph.microsoft.com/v1.0/$metadata#users","value":[{"name":"a"},{"count":2,"tags":["x"]}]}`,
		`{"@odata.count":3,"@odata.nextLink":"https://x/users?$skiptoken=1","value":[]}`,
		`{"value":null,"@odata.deltaLink":"d"}`, `{"value":[null,{}]}`, `{"value":[{"items":[{"name":"n"}]}],"x":1}`,
		`{"@odata.count":"3"}`, `{"@odata.count":1.5}`, `{"@odata.count":null,"value":[1]}`, `{"value":{}}`,
		`{"value":[{"name":"a"}],"value":[{"count":1}]}`, `{"VALUE":[{"name":"a"}]}`, `{"value":[{"name":"<&>"}]} `,
		`[]`, `null`, `{"value":[{"name":"a"},]}`, `{"@odata.context":"\u00e9\ud800"}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		want, wantErr := referencePage(data)
		var viewed Page[fuzzItem]
		viewedErr := decodeJSON(bytes.Clone(data), &viewed)
		var got Page[fuzzItem]
		err := unmarshalJSON(data, &got)
		if (err == nil) != (wantErr == nil) || (viewedErr == nil) != (wantErr == nil) {
			t.Fatalf("%q: decoder error %v (client's %v), reference %v", data, err, viewedErr, wantErr)
		}
		if err != nil {
			return
		}
		if !reflect.DeepEqual(canonicalPage(&got), canonicalPage(want)) || !reflect.DeepEqual(canonicalPage(&viewed), canonicalPage(want)) {
			t.Fatalf("%q:\ndecoder   %#v\nclient's  %#v\nreference %#v", data, canonicalPage(&got), canonicalPage(&viewed), canonicalPage(want))
		}
		out, err := encodeJSON(&got)
		std, stdErr := json.Marshal(&got)
		if err != nil || stdErr != nil || !bytes.Equal(out, std) {
			t.Fatalf("%q: encoded\n%s (%v), json.Marshal\n%s (%v)", data, out, err, std, stdErr)
		}
		var back Page[fuzzItem]
		if err := unmarshalJSON(out, &back); err != nil || !reflect.DeepEqual(canonicalPage(&back), canonicalPage(&got)) {
			t.Fatalf("%q: encoded %s, decoded back %#v (%v)", data, out, canonicalPage(&back), err)
		}
	})
}

// referencePage reads data into a Page[fuzzItem] with encoding/json, one
// member at a time.
func referencePage(data []byte) (*Page[fuzzItem], error) {
	p := new(Page[fuzzItem])
	if !json.Valid(data) {
		return nil, json.Unmarshal(data, new(any))
	}
	if string(bytes.TrimSpace(data)) == "null" {
		return p, nil
	}
	var all map[string]json.RawMessage
	if err := json.Unmarshal(data, &all); err != nil {
		return nil, err
	}
	for k, raw := range all {
		var err error
		switch k {
		case "@odata.context":
			err = json.Unmarshal(raw, &p.Context)
		case "@odata.count":
			err = json.Unmarshal(raw, &p.Count)
		case "@odata.nextLink":
			err = json.Unmarshal(raw, &p.NextLink)
		case "@odata.deltaLink":
			err = json.Unmarshal(raw, &p.DeltaLink)
		case "value":
			p.Value, err = referenceItems(raw)
		}
		if err != nil {
			return nil, err
		}
	}
	return p, nil
}

// referenceItems reads a page's "value": null, or an array of items.
func referenceItems(raw []byte) ([]fuzzItem, error) {
	var items []json.RawMessage
	if err := json.Unmarshal(raw, &items); err != nil || items == nil {
		return nil, err
	}
	list := []fuzzItem{}
	for _, r := range items {
		item, err := referenceDecode(r)
		if err != nil {
			return nil, err
		}
		list = append(list, *item)
	}
	return list, nil
}

// canonicalPage is p as plain values, its items as canonical does.
func canonicalPage(p *Page[fuzzItem]) map[string]any {
	out := map[string]any{"context": p.Context, "nextLink": p.NextLink, "deltaLink": p.DeltaLink, "count": "absent"}
	if p.Count != nil {
		out["count"] = *p.Count
	}
	if p.Value != nil {
		items := []any{}
		for i := range p.Value {
			items = append(items, canonical(&p.Value[i]))
		}
		out["value"] = items
	}
	return out
}

// TestValueMatchesEncodingJSON: a Value (a function's primitive answer)
// decodes as json.Unmarshal reads it and encodes as json.Marshal writes
// it, whatever its type.
func TestValueMatchesEncodingJSON(t *testing.T) {
	checkValue[string](t, `{"@odata.context":"c","value":"<a>\u00e9"}`)
	checkValue[int64](t, `{"value":-9007199254740993}`)
	checkValue[bool](t, `{"value":true,"extra":[1,{"a":null}]}`)
	checkValue[Date](t, `{"value":"2020-02-29"}`)
	checkValue[Double](t, `{"value":1e21}`)
	checkValue[widgetKind](t, `{"value":"large"}`)
	checkValue[[]string](t, `{"value":["a","b"]}`)
	checkValue[string](t, `{"value":null}`)
	checkValue[int64](t, `{}`)
}

func checkValue[T any](t *testing.T, body string) {
	t.Helper()
	var got, want Value[T]
	if err := unmarshalJSON([]byte(body), &got); err != nil {
		t.Fatalf("%s: %v", body, err)
	}
	if err := json.Unmarshal([]byte(body), &want); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("%s: decoded %#v, encoding/json %#v", body, got, want)
	}
	out, err := encodeJSON(&got)
	std, _ := json.Marshal(&want)
	if err != nil || !bytes.Equal(out, std) {
		t.Errorf("%s: encoded %s (%v), json.Marshal %s", body, out, err, std)
	}
}

// plainItem has the shape of a generated type with a property that
// decodes without allocating, so that what a page costs per item shows.
type plainItem struct {
	Name           string                     `json:"name"`
	AdditionalData map[string]json.RawMessage `json:"-"`
}

func (m plainItem) MarshalJSON() ([]byte, error)     { return encodeJSON(&m) }
func (m *plainItem) UnmarshalJSON(data []byte) error { return unmarshalJSON(data, m) }

// TestPageOnePass: a page is encoded into one buffer and decoded into one
// slice, sized once, whatever the number of items: no call of the
// items' own MarshalJSON or UnmarshalJSON, no buffer per item.
func TestPageOnePass(t *testing.T) {
	for _, n := range []int{10, 1000} {
		page := &Page[plainItem]{Context: "c", NextLink: "n", Value: make([]plainItem, n)}
		for i := range page.Value {
			page.Value[i].Name = fmt.Sprint("user", i)
		}
		data, err := encodeJSON(page)
		if err != nil {
			t.Fatal(err)
		}
		if enc := testing.AllocsPerRun(20, func() { encodeJSON(page) }); enc > 2 {
			t.Errorf("%d items: encoding allocates %.0f times, want at most 2", n, enc)
		}
		var got Page[plainItem]
		dec := testing.AllocsPerRun(20, func() {
			got = Page[plainItem]{}
			decodeJSON(data, &got)
		})
		if dec > 2 {
			t.Errorf("%d items: decoding allocates %.0f times, want at most 2", n, dec)
		}
		if !reflect.DeepEqual(&got, page) || cap(got.Value) != n {
			t.Errorf("%d items: decoded %d items (capacity %d), want them all, capacity %d", n, len(got.Value), cap(got.Value), n)
		}
	}
}

// FuzzArrayLen: the count that sizes a decoded slice is the number of
// elements of any valid array, at any position in the text.
func FuzzArrayLen(f *testing.F) {
	for _, s := range []string{`[]`, ` [ ] `, `[1]`, `[1,[2,3],{"a":[4,5]}]`, `["a,b","c\"]",[]]`, `[{"x":"\\"},"]"]`, `[null , true]`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		var items []json.RawMessage
		if json.Unmarshal(data, &items) != nil || items == nil {
			return
		}
		at := bytes.IndexByte(data, '[')
		n, size := arrayLen(data, at)
		if want := len(bytes.TrimRight(data, " \t\r\n")) - at; n != len(items) || size != want {
			t.Fatalf("%q: arrayLen %d, %d bytes, want %d, %d bytes", data, n, size, len(items), want)
		}
	})
}

// TestPresizeBounded: an array whose elements cannot be the large
// objects its slice holds (numbers for a page of items) gets no slice for
// all of them before its first element fails.
func TestPresizeBounded(t *testing.T) {
	type big struct {
		Name           [64]Opt[string]            `json:"name"`
		AdditionalData map[string]json.RawMessage `json:"-"`
	}
	data := []byte(`{"value":[` + strings.Repeat("1,", 100000) + `1]}`)
	var page Page[big]
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	err := unmarshalJSON(data, &page)
	runtime.ReadMemStats(&after)
	if err == nil {
		t.Fatal("numbers decoded as objects")
	}
	if allocated := after.TotalAlloc - before.TotalAlloc; allocated > 10*uint64(len(data)) {
		t.Errorf("a %d-byte array of numbers made %d bytes before failing", len(data), allocated)
	}
}

// TestReadAll: a body read into a buffer of its declared length is the
// same whatever the declared length says, and a read error is returned.
func TestReadAll(t *testing.T) {
	body := strings.Repeat("0123456789", 100)
	for _, size := range []int64{0, 1, 999, 1000, 1001, 5000} {
		for name, rd := range map[string]io.Reader{"whole": strings.NewReader(body), "bytewise": iotest.OneByteReader(strings.NewReader(body))} {
			got, err := readAll(rd, size)
			if err != nil || string(got) != body {
				t.Errorf("declared %d, %s: read %d bytes (%v), want %d", size, name, len(got), err, len(body))
			}
		}
	}
	broken := errors.New("broken")
	if _, err := readAll(iotest.ErrReader(broken), 10); err != broken {
		t.Errorf("error %v, want %v", err, broken)
	}
	if n := sizeHint(100, []string{"gzip"}, 1000); n != 0 {
		t.Errorf("a compressed body's declared length sized the buffer: %d", n)
	}
	if n := sizeHint(1<<40, nil, 1<<50); n != 0 {
		t.Errorf("a huge declared length sized the buffer: %d", n)
	}
}

// pageHandler answers GET /items?n=N with a page of N items.
func pageHandler() http.Handler {
	type server struct{}
	ep := &EndpointInfo{Operation: "ListItems", Method: "GET", Patterns: []string{"GET /items"}}
	return serveJSON(newHandlerConfig(nil), server{}, ep, http.StatusOK, func(_ server, r *http.Request, q *Query, _ *struct{}) (*Page[plainItem], error) {
		var n int
		fmt.Sscan(q.Params.Get("n"), &n)
		page := &Page[plainItem]{Value: make([]plainItem, n)}
		for i := range page.Value {
			page.Value[i].Name = strings.Repeat("x", n)
		}
		return page, nil
	})
}

// TestHandlerAnswersConcurrently: answers written at the same time from
// the handler's pooled buffers each get their own bytes, and each its own
// request-id.
func TestHandlerAnswersConcurrently(t *testing.T) {
	rt := newRouter()
	if err := rt.Handle("GET /items", pageHandler()); err != nil {
		t.Fatal(err)
	}
	h := withErrorShape(rt)
	var ids sync.Map
	var wg sync.WaitGroup
	for n := range 40 {
		wg.Go(func() {
			for range 20 {
				rec := httptest.NewRecorder()
				h.ServeHTTP(rec, httptest.NewRequest("GET", fmt.Sprint("/items?n=", n), nil))
				var page Page[plainItem]
				if err := json.Unmarshal(rec.Body.Bytes(), &page); err != nil || len(page.Value) != n ||
					n > 0 && page.Value[n-1].Name != strings.Repeat("x", n) || rec.Header().Get("Content-Type") != "application/json" {
					t.Errorf("n=%d: answer %.80s (%v)", n, rec.Body, err)
					return
				}
				id := rec.Header().Get("request-id")
				if _, seen := ids.LoadOrStore(id, true); seen || len(id) != 36 || rec.Header().Get("client-request-id") != id {
					t.Errorf("request-id %q (seen before: %v), client-request-id %q", id, seen, rec.Header().Get("client-request-id"))
				}
			}
		})
	}
	wg.Wait()
}

package runtimebench

//go:generate go run ../../docs2go -pkg corpusgen -out corpusgen testdata/pages

import (
	"bytes"
	"context"
	"embed"
	"encoding/json"
	"fmt"
	"net/http"
	"strings"

	"github.com/docs2go/docs2go/cmd/benchrun/runtimebench/corpusgen"
)

// The corpus endpoints are generated into corpusgen from trimmed copies of
// real reference pages in testdata/pages (see testdata/ORIGIN.md);
// their examples are read from the same pages, so the benchmark measures
// what the docs document.

//go:embed testdata/pages/api/*.md
var pages embed.FS

// collectionSize is the number of users in the large collection's answer:
// the documented item repeated.
const collectionSize = 1000

// example returns the n-th JSON body of an API page in testdata/pages/api:
// the text after the first blank line of an http code block, when it is
// an object (request lines alone have none).
func example(page string, n int) []byte {
	data, err := pages.ReadFile("testdata/pages/api/" + page)
	if err != nil {
		panic("runtimebench: " + err.Error())
	}
	fences := strings.Split(strings.ReplaceAll(string(data), "\r\n", "\n"), "```")
	for i := 1; i < len(fences); i += 2 {
		info, block, _ := strings.Cut(fences[i], "\n")
		_, body, ok := strings.Cut(block, "\n\n")
		if strings.TrimSpace(info) != "http" || !ok || !strings.HasPrefix(strings.TrimSpace(body), "{") {
			continue
		}
		if n == 0 {
			return []byte(body)
		}
		n--
	}
	panic(fmt.Sprintf("runtimebench: %s has too few examples", page))
}

// corpusServer answers each corpus endpoint with its documented answer.
type corpusServer struct {
	corpusgen.UnimplementedServer
	app   *corpusgen.AnyMobileApp
	event *corpusgen.Event
	users *corpusgen.Page[corpusgen.User]
}

func (s corpusServer) CreateMobileApp(context.Context, *corpusgen.CreateMobileAppRequest) (*corpusgen.AnyMobileApp, error) {
	return s.app, nil
}

func (s corpusServer) CreateEvent(context.Context, *corpusgen.CreateEventRequest) (*corpusgen.Event, error) {
	return s.event, nil
}

func (s corpusServer) ListUsers(context.Context, *corpusgen.ListUsersRequest) (*corpusgen.Page[corpusgen.User], error) {
	return s.users, nil
}

// corpusClient is docs2go's client for the corpus endpoints.
func corpusClient(hc *http.Client) *corpusgen.Client {
	return &corpusgen.Client{BaseURL: benchBaseURL, HTTPClient: hc, Token: tokenFunc}
}

// createEndpoint is a create on path with the first example of page.
func createEndpoint(name, path, page string) endpoint {
	return endpoint{name: name, method: http.MethodPost, path: path,
		request: example(page, 0), response: example(page, 1), status: http.StatusCreated}
}

// polymorphicEndpoint creates a webApp, a derived type of mobileApp, on
// the route every mobileApp create shares: the body is dispatched on its
// "@odata.type".
func polymorphicEndpoint() endpoint {
	const path = "/deviceAppManagement/mobileApps"
	e := createEndpoint("polymorphic", path, "intune-apps-webapp-create.md")
	e.handlers = func() (http.Handler, http.Handler) {
		g := corpusServer{app: decoded[corpusgen.AnyMobileApp](e.response)}
		return corpusgen.NewHandler(g), stdCreateHandler(path, strictMobileApp, decodeMobileApp(e.response))
	}
	e.clients = func(hc *http.Client) (docs2go, std func(context.Context) (any, error)) {
		gc, gbody := corpusClient(hc), decoded[corpusgen.AnyMobileApp](e.request)
		sbody := decodeMobileApp(e.request)
		docs2go = func(ctx context.Context) (any, error) { return gc.CreateMobileApp(ctx, gbody) }
		std = func(ctx context.Context) (any, error) { return stdCreateMobileApp(ctx, hc, path, sbody) }
		return docs2go, std
	}
	return e
}

// decodeMobileApp decodes a constant example into the peer's type.
func decodeMobileApp(data []byte) identified {
	v, err := stdDecodeMobileApp(data, json.Unmarshal)
	if err != nil {
		panic("runtimebench: example does not decode: " + err.Error())
	}
	return v
}

// nestedEndpoint creates an event: nested body, start and end, location,
// attendees with their email addresses, and a larger nested answer.
func nestedEndpoint() endpoint {
	const path = "/me/events"
	e := createEndpoint("nested", path, "user-post-events.md")
	e.handlers = func() (http.Handler, http.Handler) {
		g := corpusServer{event: decoded[corpusgen.Event](e.response)}
		return corpusgen.NewHandler(g), stdCreateHandler(path, strictInto[stdEvent], decoded[stdEvent](e.response))
	}
	e.clients = func(hc *http.Client) (docs2go, std func(context.Context) (any, error)) {
		gc, gbody := corpusClient(hc), decoded[corpusgen.Event](e.request)
		sbody := decoded[stdEvent](e.request)
		docs2go = func(ctx context.Context) (any, error) { return gc.CreateEvent(ctx, gbody) }
		std = func(ctx context.Context) (any, error) {
			return stdCall[stdEvent](ctx, hc, http.MethodPost, path, sbody, http.StatusCreated)
		}
		return docs2go, std
	}
	return e
}

// collectionEndpoint lists users: the documented answer with its user
// repeated collectionSize times, encoded by the handlers and decoded by
// the clients.
func collectionEndpoint() endpoint {
	const path = "/users"
	e := endpoint{name: "collection", method: http.MethodGet, path: path,
		response: repeatItems(example("user-list.md", 0), collectionSize), status: http.StatusOK}
	e.handlers = func() (http.Handler, http.Handler) {
		g := corpusServer{users: decoded[corpusgen.Page[corpusgen.User]](e.response)}
		return corpusgen.NewHandler(g), stdListHandler(path, decoded[stdUserPage](e.response))
	}
	e.clients = func(hc *http.Client) (docs2go, std func(context.Context) (any, error)) {
		gc := corpusClient(hc)
		docs2go = func(ctx context.Context) (any, error) { return gc.ListUsers(ctx, nil) }
		std = func(ctx context.Context) (any, error) {
			return stdCall[stdUserPage](ctx, hc, http.MethodGet, path, nil, http.StatusOK)
		}
		return docs2go, std
	}
	return e
}

// repeatItems returns a collection answer whose "value" holds its items
// repeated to n.
func repeatItems(answer []byte, n int) []byte {
	var page map[string]json.RawMessage
	if err := json.Unmarshal(answer, &page); err != nil {
		panic("runtimebench: " + err.Error())
	}
	var items []json.RawMessage
	if err := json.Unmarshal(page["value"], &items); err != nil || len(items) == 0 {
		panic(fmt.Sprintf("runtimebench: collection answer without items (%v)", err))
	}
	var buf bytes.Buffer
	buf.WriteByte('[')
	for i := range n {
		if i > 0 {
			buf.WriteByte(',')
		}
		buf.Write(items[i%len(items)])
	}
	buf.WriteByte(']')
	page["value"] = buf.Bytes()
	out, err := json.Marshal(page)
	if err != nil {
		panic("runtimebench: " + err.Error())
	}
	return out
}

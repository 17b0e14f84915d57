package runtime

import (
	"context"
	"fmt"
	"iter"
	"net/http"
	"strings"
)

// Page is one page of a collection as Graph answers it:
// {"@odata.context": ..., "@odata.nextLink": ..., "value": [...]}. A list
// endpoint's Server method returns the items it serves and, when there
// are more, the URL of the next page; a function or action whose result
// is a collection or a primitive answers the same shape.
type Page[T any] struct {
	Context   string `json:"@odata.context,omitempty"`
	Count     *int64 `json:"@odata.count,omitempty"`
	NextLink  string `json:"@odata.nextLink,omitempty"`
	DeltaLink string `json:"@odata.deltaLink,omitempty"`
	Value     []T    `json:"value"`
}

// Value is the answer of a function or action that returns one primitive
// value: {"@odata.context": ..., "value": ...}.
type Value[T any] struct {
	Context string `json:"@odata.context,omitempty"`
	Value   T      `json:"value"`
}

// list gets the first page of ep on route into a new P (*Page[T]): the
// one call a generated list method makes. Generic over the pointer type,
// it is compiled once for every list.
func list[P any](ctx context.Context, c *Client, ep *EndpointInfo, route string, params []string, q *Query) (P, error) {
	out := newOf[P]()
	if err := c.call(ctx, ep, route, params, q, nil, out, http.StatusOK); err != nil {
		var zero P
		return zero, err
	}
	return out, nil
}

// all iterates over every item of ep on route, following
// @odata.nextLink from page to page. It stops at the first error, which
// it yields with the zero T, and when ctx is done; the consumer may stop
// early.
func all[T any](ctx context.Context, c *Client, ep *EndpointInfo, route string, params []string, q *Query) iter.Seq2[T, error] {
	return func(yield func(T, error) bool) {
		var zero T
		page, err := list[*Page[T]](ctx, c, ep, route, params, q)
		for {
			if err == nil {
				err = ctx.Err()
			}
			if err != nil {
				yield(zero, err)
				return
			}
			for _, v := range page.Value {
				if !yield(v, nil) {
					return
				}
			}
			if page.NextLink == "" {
				return
			}
			next := new(Page[T])
			err = c.follow(ctx, ep, page.NextLink, next)
			page = next
		}
	}
}

// follow gets the page at link, an absolute URL under the client's
// BaseURL (Graph's nextLink) or a path, into out.
func (c *Client) follow(ctx context.Context, ep *EndpointInfo, link string, out any) error {
	base := strings.TrimSuffix(c.BaseURL, "/")
	path, ok := strings.CutPrefix(link, base)
	if !ok {
		if strings.Contains(link, "://") {
			return fmt.Errorf("%s: nextLink %q is not under the client's BaseURL %q", ep.Operation, link, c.BaseURL)
		}
		path = link
	}
	return c.do(ctx, http.MethodGet, path, nil, out, http.StatusOK)
}

package apidiff

import (
	"cmp"
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/docs2go/docs2go/generator"
	"github.com/docs2go/docs2go/parser/ir"
)

// endpoint is an endpoint of one version with what it is matched by.
type endpoint struct {
	ep     *ir.Endpoint
	api    generator.APIEndpoint
	page   string            // pageKey of its page
	routes map[string]string // normalised request line → as the generator writes it
	route  string            // the first request line, for names
}

func (v Version) endpoints() []endpoint {
	out := make([]endpoint, 0, len(v.DocSet.Endpoints))
	for i, ep := range v.DocSet.Endpoints {
		if ep == nil {
			continue
		}
		e := endpoint{ep: ep, page: pageKey(ep.Page), routes: map[string]string{}}
		if i < len(v.API.Endpoints) {
			e.api = v.API.Endpoints[i]
		}
		lines := e.api.Routes
		if len(lines) == 0 { // not generated: the request lines as written
			for _, p := range ep.Paths {
				lines = append(lines, p.Method+" "+p.Template)
			}
		}
		for _, l := range lines {
			if k := normRoute(l); e.routes[k] == "" {
				e.routes[k] = l
			}
		}
		if len(lines) > 0 {
			e.route = lines[0]
		}
		out = append(out, e)
	}
	return out
}

var placeholderRE = regexp.MustCompile(`\{[^}]*\}`)

// normRoute makes request lines comparable across versions: the method is
// compared on its own, placeholders are renamed freely ({id}, {user-id})
// and paths are case-insensitive.
func normRoute(line string) string {
	line = strings.TrimSpace(line)
	if _, path, ok := strings.Cut(line, " "); ok {
		line = strings.TrimSpace(path)
	}
	line = placeholderRE.ReplaceAllString(line, "{}")
	return strings.ToLower(strings.TrimRight(line, "/"))
}

// goMethod is an endpoint's Go identifier.
func (e endpoint) goMethod() string {
	if e.api.GoName == "" {
		return ""
	}
	return "Client." + e.api.GoName
}

// compareEndpoints matches endpoints by page, then by request line (a page
// renamed between versions keeps its route), and compares the pairs.
func (d *differ) compareEndpoints() {
	olds, news := d.old.endpoints(), d.new.endpoints()
	pairs, removed, added := matchEndpoints(olds, news)
	for _, p := range pairs {
		d.compareEndpoint(olds[p.old], news[p.new])
	}
	newMethods := map[string]bool{}
	for _, e := range news {
		newMethods[e.api.GoName] = e.api.Generated
	}
	oldMethods := map[string]bool{}
	for _, e := range olds {
		oldMethods[e.api.GoName] = e.api.Generated
	}
	for _, i := range removed {
		e := olds[i]
		c := Change{Kind: KindEndpoint, Change: Removed, Name: e.route, Go: e.goMethod(), Class: Breaking, Old: pos(e.ep.Pos)}
		switch {
		case !e.api.Generated:
			c.Class, c.Detail = Compatible, "was not generated"
		case newMethods[e.api.GoName]:
			c.Class, c.Detail = Compatible, "the method stays: it serves other pages"
		default:
			c.Detail = d.new.pageNow(e.page)
		}
		d.add(c)
	}
	for _, j := range added {
		e := news[j]
		c := Change{Kind: KindEndpoint, Change: Added, Name: e.route, Go: e.goMethod(), Class: Compatible, New: pos(e.ep.Pos)}
		switch {
		case !e.api.Generated:
			c.Detail = "not generated: " + e.api.Reason
		case oldMethods[e.api.GoName]:
			c.Detail = "served by an existing method"
		}
		d.add(c)
	}
}

// matchEndpoints pairs endpoints of the same page (in page order), then
// the rest by the request lines they share, most shared first.
func matchEndpoints(olds, news []endpoint) (pairs []pair, removed, added []int) {
	usedOld, usedNew := map[int]bool{}, map[int]bool{}
	byPage := map[string][]int{}
	for j, n := range news {
		byPage[n.page] = append(byPage[n.page], j)
	}
	for i, o := range olds {
		if js := byPage[o.page]; len(js) > 0 {
			pairs = append(pairs, pair{old: i, new: js[0]})
			usedOld[i], usedNew[js[0]] = true, true
			byPage[o.page] = js[1:]
		}
	}
	type cand struct{ old, new, shared int }
	var cands []cand
	for i, o := range olds {
		if usedOld[i] {
			continue
		}
		for j, n := range news {
			if usedNew[j] {
				continue
			}
			shared := 0
			for r := range o.routes {
				if n.routes[r] != "" {
					shared++
				}
			}
			if shared > 0 {
				cands = append(cands, cand{i, j, shared})
			}
		}
	}
	slices.SortStableFunc(cands, func(a, b cand) int {
		return cmp.Or(-cmp.Compare(a.shared, b.shared), cmp.Compare(a.old, b.old), cmp.Compare(a.new, b.new))
	})
	for _, c := range cands {
		if !usedOld[c.old] && !usedNew[c.new] {
			usedOld[c.old], usedNew[c.new] = true, true
			pairs = append(pairs, pair{old: c.old, new: c.new})
		}
	}
	for i := range olds {
		if !usedOld[i] {
			removed = append(removed, i)
		}
	}
	for j := range news {
		if !usedNew[j] {
			added = append(added, j)
		}
	}
	return pairs, removed, added
}

// compareEndpoint compares two versions of one endpoint.
func (d *differ) compareEndpoint(o, n endpoint) {
	at := func(c Change) Change {
		c.Kind, c.Name, c.Go, c.Old, c.New = KindEndpoint, n.route, n.goMethod(), pos(o.ep.Pos), pos(n.ep.Pos)
		return c
	}
	switch {
	case o.api.Generated && !n.api.Generated:
		d.add(at(Change{Change: Removed, Go: o.goMethod(), Class: Breaking, Detail: "no longer generated: " + n.api.Reason}))
		return
	case !o.api.Generated && n.api.Generated:
		d.add(at(Change{Change: Added, Class: Compatible, Detail: "now generated"}))
		return
	case !n.api.Generated:
		return // no Go surface on either side
	}
	if o.api.GoName != n.api.GoName {
		detail := "was " + o.goMethod()
		if o.page != n.page {
			detail += "; page " + o.ep.Page + " → " + n.ep.Page
		}
		d.add(at(Change{Change: Renamed, Class: Breaking, Detail: detail}))
	}
	if !strings.EqualFold(o.ep.Method, n.ep.Method) {
		d.add(at(Change{Change: MethodChanged, Class: Breaking, Detail: o.ep.Method + " → " + n.ep.Method}))
	}
	for _, r := range setDiff(o.routes, n.routes) {
		d.add(at(Change{Change: RouteRemoved, Class: BreakingServers, Detail: o.routes[r]}))
	}
	for _, r := range setDiff(n.routes, o.routes) {
		d.add(at(Change{Change: RouteAdded, Class: Compatible, Detail: n.routes[r]}))
	}
	if o.api.Body != n.api.Body {
		d.add(at(Change{Change: BodyChanged, Class: Breaking, Detail: o.api.Body + " → " + n.api.Body}))
	}
	if o.api.Result != n.api.Result {
		d.add(at(Change{Change: ResultChanged, Class: Breaking, Detail: orNone(o.api.Result) + " → " + orNone(n.api.Result)}))
	}
	op, np := permissionSet(o.ep.Permissions), permissionSet(n.ep.Permissions)
	if len(op) == 0 || len(np) == 0 {
		// Every Graph operation needs some permission: a side without any
		// scope is a table the parser could not read (2020 pages write
		// some as a matrix of calendar kinds × permission types), not an
		// operation that became open or closed to everyone.
		op, np = nil, nil
	}
	for _, p := range setDiff(op, np) {
		d.add(at(Change{Change: PermissionRemoved, Class: BreakingServers, Detail: p}))
	}
	for _, p := range setDiff(np, op) {
		d.add(at(Change{Change: PermissionAdded, Class: Compatible, Detail: p}))
	}
	oh, nh := requiredHeaders(o.ep.Headers), requiredHeaders(n.ep.Headers)
	for _, h := range setDiff(nh, oh) {
		d.add(at(headerChange(HeaderRequired, h)))
	}
	for _, h := range setDiff(oh, nh) {
		d.add(at(headerChange(HeaderOptional, h)))
	}
	if d.opts.All && !sameText(o.ep.Title, n.ep.Title) {
		d.add(at(Change{Change: DescriptionEdited, Class: Compatible, Detail: fmt.Sprintf("title %q → %q", o.ep.Title, n.ep.Title)}))
	}
}

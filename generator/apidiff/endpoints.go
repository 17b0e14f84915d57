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

// permissionSet lists "permission type: scope" pairs, lower-cased. Rows
// under a permission type that name a sub-scenario (Intune's indented
// "Mobile app management (MAM)", "Policy Set") count for the type above
// them: moving a scope into such rows grants nothing new. Footnote marks
// ("Schedule.ReadWrite.All*") are not part of the scope.
func permissionSet(ps []ir.Permission) map[string]bool {
	out := map[string]bool{}
	current := ""
	for _, p := range ps {
		typ := strings.ToLower(strings.TrimSpace(p.Type))
		if current == "" || strings.HasPrefix(typ, "delegated") || strings.HasPrefix(typ, "application") {
			current = typ
		}
		for _, s := range p.Scopes {
			out[current+": "+strings.ToLower(strings.Trim(s, " *"))] = true
		}
	}
	return out
}

// requiredHeaders lists the lower-cased names of the request headers the
// generated handler requires: Authorization as soon as the table lists it
// (the handler then demands a bearer token), any other header when the
// table calls it required.
func requiredHeaders(hs []ir.HeaderSpec) map[string]bool {
	out := map[string]bool{}
	for _, h := range hs {
		name := strings.ToLower(strings.TrimSpace(h.Name))
		if h.Required || name == "authorization" {
			out[name] = true
		}
	}
	return out
}

// headerChange classifies a header that became required or optional: only
// Authorization changes what the generated handler checks; Content-Type is
// always checked, other headers never.
func headerChange(what What, name string) Change {
	c := Change{Change: what, Class: Compatible, Detail: name}
	switch {
	case name == "authorization" && what == HeaderRequired:
		c.Class, c.Detail = BreakingServers, name+": the handler now demands a bearer token"
	case name == "authorization":
		c.Detail = name + ": the handler no longer demands a bearer token"
	case name == "content-type":
		c.Detail = name + ": the handler checks it in either case"
	default:
		c.Detail = name + ": the handler does not check it"
	}
	return c
}

// setDiff lists the keys of a missing from b, sorted.
func setDiff[V comparable](a, b map[string]V) []string {
	var zero V
	var out []string
	for k := range a {
		if b[k] == zero {
			out = append(out, k)
		}
	}
	slices.Sort(out)
	return out
}

// pageNow says what the page of a removed create endpoint documents in
// this version: another success status (the linker keeps only operations
// answering 201), or nothing when the page is gone or unknown.
func (v Version) pageNow(key string) string {
	for _, p := range v.Pages {
		if p == nil || pageKey(p.File) != key {
			continue
		}
		op := p.Operation
		if op == nil {
			return "the page no longer documents an operation"
		}
		if st := successStatus(op); st != 0 && st != 201 {
			return fmt.Sprintf("the page now documents %s %d instead of 201", op.Method, st)
		}
		return "the page no longer documents a create operation"
	}
	return ""
}

// successStatus is the status the Response section names, else the first
// example response's.
func successStatus(op *ir.Operation) int {
	if op.Response != nil && op.Response.Status != 0 {
		return op.Response.Status
	}
	for _, ex := range op.Examples {
		if ex.Response != nil && ex.Response.Status != 0 {
			return ex.Response.Status
		}
	}
	return 0
}

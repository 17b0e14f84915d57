package generator

import (
	"maps"
	"net/http"
	"regexp"
	"slices"
	"strconv"
	"strings"
)

// nameParts is what an endpoint's Go name is built from: the verb of its
// kind ("Create", "Get", "List", "Update", "Delete", "Put"; none for an
// action or function, whose name is its own), as many qualifiers as the
// level asks for (written outermost first) and the thing it acts on.
// Level 0 is the plain name ("CreateMessage"); level n puts the n nearest
// literal path segments before the noun, singularised
// (/chats/{id}/messages → "CreateChatMessage" at level 1).
type nameParts struct {
	verb  string   // e.g. "Create"
	noun  string   // e.g. "Message"; "" gives the verb alone
	plain string   // level-0 name when it is not verb+noun (e.g. "CreatedObject")
	quals []string // qualifiers, nearest first, e.g. ["Channel", "Team"]
	min   int      // level always used: a "$ref" alone names nothing
}

// name is the Go name at level (clamped to the qualifiers available).
func (p nameParts) name(level int) string {
	level = min(max(level, p.min), len(p.quals))
	if level == 0 && p.plain != "" {
		return p.plain
	}
	var b strings.Builder
	b.WriteString(p.verb)
	for i := level - 1; i >= 0; i-- {
		b.WriteString(p.quals[i])
	}
	b.WriteString(p.noun)
	if b.Len() == 0 {
		return "Call" // an action on "/{id}" alone: nothing names it
	}
	return b.String()
}

// maxLevel is the highest level that still adds a qualifier.
func (p nameParts) maxLevel() int { return len(p.quals) }

// verbs are the name prefixes of the kinds that act on a resource.
var verbs = map[opKind]string{opCreate: "Create", opGet: "Get", opList: "List", opUpdate: "Update", opDelete: "Delete", opPut: "Put"}

// routeParts splits r's name for an operation of kind k: the last literal
// segment is the noun (a collection, singularised, except for a list,
// whose noun stays plural: "ListUsers"; or an action or function, named
// as written: "SendMail", "Delta"), the literal segments before it
// qualify. "POST .../$ref" adds a reference: "AddMemberRef".
func routeParts(r route, k opKind) nameParts {
	lits := literals(r)
	if len(lits) == 0 {
		return nameParts{verb: verbs[k]}
	}
	last := lits[len(lits)-1]
	p := nameParts{verb: verbs[k], quals: qualifiers(lits[:len(lits)-1])}
	word := segmentWord(last)
	if strings.EqualFold(word, "me") {
		word = "user" // GET /me is GetUser, as a qualifier "me" is "User"
	}
	switch {
	case (k == opAction || k == opFunction) && last == "$ref":
		p.verb, p.noun = "Add", "Ref"
	case k == opAction || k == opFunction:
		p.noun = goName(word)
	case k == opList && word != "":
		p.noun = goName(word)
	default:
		p.noun = createNoun(&p, goName(singular(word)), word, k)
	}
	if p.noun == "X" {
		p.noun = "" // nothing nameable ("/{id}")
	}
	if (p.noun == "" || strings.HasPrefix(last, "$")) && len(p.quals) > 0 {
		// OData system segments ("/members/$ref", "/photo/$value") name
		// only an operation on the segment before them: "CreateMemberRef",
		// "GetPhotoValue", not "CreateRef".
		p.min = 1
	}
	return p
}

// createNoun is the noun of a resource operation named n: a create whose
// last segment is an action that creates ("createReply") drops its own
// verb, one whose verb is not a word of its own ("createdObjects") keeps
// the segment as the whole name.
func createNoun(p *nameParts, n, word string, k opKind) string {
	switch {
	case word == "" || n == "X":
		return ""
	case k != opCreate:
		return n
	case len(words(n)) > 0 && words(n)[0] == "Create":
		return strings.TrimPrefix(n, "Create")
	case strings.HasPrefix(n, "Create"):
		p.plain = n
	}
	return n
}

// literals lists r's literal segments in path order, with the names of
// keys and function calls.
func literals(r route) []string {
	var out []string
	for _, s := range r.Segments {
		if s.Lit != "" {
			out = append(out, s.Lit)
		}
	}
	return out
}

// versionRE matches service version segments of request lines written as
// full URLs ("https://graph.microsoft.com/beta/users" keeps "/beta/users").
var versionRE = regexp.MustCompile(`^(?i:beta|v\d+(\.\d+)?)$`)

// qualifiers maps the literal segments before the noun to name words,
// nearest first. Segments naming nothing ("~", "$") and version segments
// are left out; "me" is the signed-in user, so it qualifies as "User"
// (/me/messages → "CreateUserMessage", as /users/{id}/messages would).
func qualifiers(segs []string) []string {
	var out []string
	for _, s := range slices.Backward(segs) {
		w := segmentWord(s)
		if w == "" || versionRE.MatchString(w) {
			continue
		}
		if strings.EqualFold(w, "me") {
			w = "user"
		}
		out = append(out, goName(singular(w)))
	}
	return out
}

// segmentWord is the part of a literal segment that names something: a
// type cast or action "microsoft.graph.win32LobApp" gives "win32LobApp",
// a call "getByIds()" loses its parentheses.
func segmentWord(s string) string {
	if i := strings.IndexByte(s, '('); i >= 0 {
		s = s[:i]
	}
	if i := strings.LastIndexByte(s, '.'); i >= 0 && !versionRE.MatchString(s) {
		s = s[i+1:]
	}
	if len(words(s)) == 0 {
		return ""
	}
	return s
}

// endpointNaming is what the endpoints' names are built from, prepared
// before the package scope is filled (see nameAll): each endpoint's key,
// and its group's name parts and identifiers.
type endpointNaming struct {
	primaries, members *endpointGroup
}

// prepareEndpointNames keys the routed endpoints and prepares the naming
// of the two groups (see nameEndpoints). Primaries are marked generated.
func (pl *planner) prepareEndpointNames() *endpointNaming {
	perPage := map[string]int{}
	var primaries, members []*endpointInfo
	for _, e := range pl.sortedEndpoints() {
		perPage[e.ep.Page]++
		e.key = e.ep.Page + "#" + strconv.Itoa(perPage[e.ep.Page])
		switch {
		case e.reason != "":
		case e.primary == nil:
			e.ok = true
			primaries = append(primaries, e)
		default:
			members = append(members, e)
		}
	}
	cols := pl.collectionSegments()
	return &endpointNaming{newEndpointGroup(primaries, cols), newEndpointGroup(members, cols)}
}

// nameEndpoints names each endpoint's method and everything derived from
// it (request type, handler, test fake, test functions) in pkg.
// Primaries (the Server and Client methods) are named first, so a member
// page (its golden tests only) never lengthens or numbers them.
func (pl *planner) nameEndpoints(pkg *namer, n *endpointNaming) {
	got := n.primaries.name(pkg)
	maps.Copy(got, n.members.name(pkg))
	for _, e := range pl.endpoints {
		if e.ok || e.primary != nil {
			e.name = got[e.key]
		}
		if e.primary != nil {
			e.routes, e.params = e.primary.routes, e.primary.params
			e.shape, e.query = e.primary.shape, e.primary.query
		}
	}
}

// endpointGroup is a group of endpoints named together, sorted by key,
// with the qualifier of their names (see qualify).
type endpointGroup struct {
	eps []*endpointInfo
	q   *qualifier
}

// newEndpointGroup builds the name parts of eps and their qualifier, on
// every core. Pages creating the same kind of thing under different
// parents (chat and channel messages) are qualified by their paths, so
// only true ties reach the namer's numeric suffix and its warning.
func newEndpointGroup(eps []*endpointInfo, cols map[string]bool) *endpointGroup {
	eps = slices.SortedFunc(slices.Values(eps), func(a, b *endpointInfo) int { return strings.Compare(a.key, b.key) })
	keys := make([]string, len(eps))
	parts := make([]nameParts, len(eps))
	planEach(len(eps), func(i int) {
		e := eps[i]
		switch {
		case e.primary == nil && e.addsToCollection(cols):
			parts[i] = addParts(e.routes[0])
		case e.primary == nil && e.createsInCollection(cols):
			parts[i] = routeParts(e.routes[0], opCreate)
		case e.primary == nil:
			parts[i] = routeParts(e.routes[0], e.kind)
		default:
			parts[i] = memberParts(e)
		}
		keys[i] = e.key
	})
	derive := func(i int, b string) []string { return endpointIdents(b, len(eps[i].ep.Examples)) }
	return &endpointGroup{eps: eps, q: newQualifier(keys, parts, derive)}
}

// name names the group's endpoints in pkg and returns key → name.
func (g *endpointGroup) name(pkg *namer) map[string]string {
	g.q.solve(pkg.isTaken)
	ws := make([]want, len(g.eps))
	for i, e := range g.eps {
		n := len(e.ep.Examples)
		ws[i] = want{Key: e.key, Base: g.q.name[i], IDs: g.q.ids[i], Free: g.q.free[i], What: "endpoint", Pos: e.ep.Pos,
			Derive: func(b string) []string { return endpointIdents(b, n) }}
	}
	return pkg.assign(ws)
}

// addsToCollection reports an action that adds an existing item to a
// collection: it posts to a segment the doc set uses as a collection
// (see collectionSegments), takes no parameters table and answers 204
// (bundle-additem.md: POST /drive/bundles/{id}/children with an item's
// id). Named after the segment alone ("Children") it would read as a
// thing, not a call.
func (e *endpointInfo) addsToCollection(cols map[string]bool) bool {
	return e.status == http.StatusNoContent && len(e.ep.Parameters) == 0 && e.postsToCollection(cols)
}

// createsInCollection reports an action posting to a plural collection
// segment that answers 200 or 202 (openshift-post.md, team-post.md:
// creates documented without 201): it is named as a create
// ("CreateOpenShift", not "OpenShifts"). A singular segment is a function
// posted to ("range", keyed as range('{address}'); "my"), not a create.
func (e *endpointInfo) createsInCollection(cols map[string]bool) bool {
	if e.status != http.StatusOK && e.status != http.StatusAccepted || !e.postsToCollection(cols) {
		return false
	}
	segs := e.routes[0].Segments
	last := segs[len(segs)-1].Lit
	return singular(last) != last
}

// postsToCollection reports an action whose first route ends in a segment
// the doc set uses as a collection (see collectionSegments).
func (e *endpointInfo) postsToCollection(cols map[string]bool) bool {
	if e.kind != opAction || len(e.routes) == 0 {
		return false
	}
	segs := e.routes[0].Segments
	last := segs[len(segs)-1]
	return last.Lit != "" && !last.Key && last.Args == nil && cols[strings.ToLower(last.Lit)]
}

// addParts names an action that adds to a collection as a "$ref" add is
// named: "Add" and the collection's singular, qualified by the segments
// before it when needed ("AddChild", "AddBundleChild").
func addParts(r route) nameParts {
	lits := literals(r)
	word := segmentWord(lits[len(lits)-1])
	return nameParts{verb: "Add", noun: goName(singular(word)), quals: qualifiers(lits[:len(lits)-1])}
}

// collectionSegments lists, lower-cased, the literal segments that name a
// collection in some route of the doc set: followed by a key
// (/children/{id}, /children('{id}')), or the last segment of a list.
func (pl *planner) collectionSegments() map[string]bool {
	cols := map[string]bool{}
	for _, e := range pl.endpoints {
		for _, r := range e.routes {
			for i, s := range r.Segments {
				keyed := s.Key || i+1 < len(r.Segments) && r.Segments[i+1].Lit == "" && r.Segments[i+1].Param != ""
				listed := e.kind == opList && i == len(r.Segments)-1
				if s.Lit != "" && s.Args == nil && (keyed || listed) {
					cols[strings.ToLower(s.Lit)] = true
				}
			}
		}
	}
	return cols
}

// endpointIdents lists the package identifiers an endpoint named b uses.
// They are slices of one string: a beta run derives about 100,000 of
// them, most more than once (see qualify).
func endpointIdents(b string, examples int) []string {
	size := 0
	for _, f := range endpointForms {
		size += len(f.prefix) + len(b) + len(f.suffix)
	}
	for i := 1; i <= examples; i++ {
		for _, f := range exampleForms {
			size += len(f.prefix) + len(b) + len(f.suffix) + decimalLen(i)
		}
	}
	var sb strings.Builder
	sb.Grow(size)
	for _, f := range endpointForms {
		sb.WriteString(f.prefix)
		sb.WriteString(b)
		sb.WriteString(f.suffix)
	}
	var num [20]byte
	for i := 1; i <= examples; i++ {
		n := strconv.AppendInt(num[:0], int64(i), 10)
		for _, f := range exampleForms {
			sb.WriteString(f.prefix)
			sb.WriteString(b)
			sb.WriteString(f.suffix)
			sb.Write(n)
		}
	}
	all := sb.String()
	ids := make([]string, 0, len(endpointForms)+len(exampleForms)*examples)
	at := 0
	cut := func(n int) {
		ids = append(ids, all[at:at+n])
		at += n
	}
	for _, f := range endpointForms {
		cut(len(f.prefix) + len(b) + len(f.suffix))
	}
	for i := 1; i <= examples; i++ {
		for _, f := range exampleForms {
			cut(len(f.prefix) + len(b) + len(f.suffix) + decimalLen(i))
		}
	}
	return ids
}

// identForm is an identifier derived from an endpoint's name b:
// prefix + b + suffix (and, for an example's, the example's number).
type identForm struct{ prefix, suffix string }

// endpointForms are the identifiers of every endpoint (see endpointIdents).
var endpointForms = [...]identForm{{"", ""}, {"", "Request"}, {"", "At"}, {"", "All"}, {"", "AllAt"}, {"", "Parameters"},
	{"handle", ""}, {"call", ""}, {"endpoint", ""}, {"Test", "Unimplemented"}, {"Test", "DerivedTypes"}}

// exampleForms are the identifiers of each of its examples.
var exampleForms = [...]identForm{{"example", "Request"}, {"example", "Response"}, {"Test", "Example"}}

// decimalLen is the length of i > 0 written in decimal.
func decimalLen(i int) int {
	n := 1
	for ; i >= 10; i /= 10 {
		n++
	}
	return n
}

// endpointName derives the method name from the route's last literal
// segment: a collection ("androidDeviceOwnerEnrollmentProfiles") gives
// "Create" + its singular, an action ("microsoft.graph.createReply")
// gives its own name, prefixed with "Create" unless it already is. It is
// the name before any qualifying (see qualify).
func endpointName(r route, k opKind) string { return routeParts(r, k).name(0) }

// memberParts names a member endpoint (its tests and files): its verb and
// its own documented body type (or answer type, for a get or list), qualified by the segments before the
// shared collection when that name is not unique.
func memberParts(e *endpointInfo) nameParts {
	p := routeParts(e.primary.routes[0], e.kind)
	t := e.ep.Body
	if t == nil || e.kind != opCreate && e.kind != opUpdate && e.kind != opPut {
		t = e.ep.Result // a get or list page per derived type: named after what it answers
	}
	if t != nil && t.Name != "" && !t.Primitive {
		n := goName(t.Name)
		if e.kind == opList {
			n = goName(plural(t.Name))
		}
		if n != "X" {
			return nameParts{verb: p.verb, noun: n, quals: dropLeading(p.quals, n)}
		}
	}
	return p
}

// dropLeading leaves out the qualifiers a type name already starts with:
// a member posting managedEBookAssignment to /managedEBooks/{id}/assignments
// is "CreateDeviceAppManagementManagedEBookAssignment" when qualified, not
// "CreateManagedEBookManagedEBookAssignment".
func dropLeading(quals []string, noun string) []string {
	var out []string
	for _, q := range quals {
		if !hasWordPrefix(noun, q) {
			out = append(out, q)
		}
	}
	return out
}

// hasWordPrefix reports whether the Go name n starts with the words of p.
func hasWordPrefix(n, p string) bool {
	nw, pw := words(n), words(p)
	return len(pw) <= len(nw) && slices.Equal(nw[:len(pw)], pw)
}

package generator

import (
	"fmt"
	"maps"
	"regexp"
	"slices"
	"strconv"
	"strings"
)

// nameParts is what an endpoint's Go name is built from: "Create", as
// many qualifiers as the level asks for (written outermost first) and the
// created thing.
// Level 0 is the plain name ("CreateMessage"); level n puts the n nearest
// literal path segments before the noun, singularised
// (/chats/{id}/messages → "CreateChatMessage" at level 1).
type nameParts struct {
	noun  string   // e.g. "Message"; "" gives "Create"
	plain string   // level-0 name when it is not "Create"+noun (e.g. "CreatedObject")
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
	b.WriteString("Create")
	for i := level - 1; i >= 0; i-- {
		b.WriteString(p.quals[i])
	}
	b.WriteString(p.noun)
	return b.String()
}

// maxLevel is the highest level that still adds a qualifier.
func (p nameParts) maxLevel() int { return len(p.quals) }

// routeParts splits r's name: the last literal segment is the noun (a
// collection, singularised, or an action such as
// "microsoft.graph.createReply"), the literal segments before it qualify.
func routeParts(r route) nameParts {
	lits := literals(r)
	if len(lits) == 0 {
		return nameParts{}
	}
	last := lits[len(lits)-1]
	p := nameParts{quals: qualifiers(lits[:len(lits)-1])}
	n := goName(singular(segmentWord(last)))
	switch {
	case segmentWord(last) == "" || n == "X":
		// Nothing nameable ("/{id}"): plain "Create".
	case len(words(n)) > 0 && words(n)[0] == "Create":
		p.noun = strings.TrimPrefix(n, "Create")
	case strings.HasPrefix(n, "Create"):
		p.noun, p.plain = n, n // "createdObjects": the verb is not a word of its own
	default:
		p.noun = n
	}
	if (p.noun == "" || strings.HasPrefix(last, "$")) && len(p.quals) > 0 {
		// OData system segments ("/members/$ref") name only an operation
		// on the segment before them: "CreateMemberRef", not "CreateRef".
		p.min = 1
	}
	return p
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

// splittable reports whether qualifying k could ever tell it from another
// holder of the same identifier. Two pages documenting the same route with
// the same type (user-post-users.md and intune-shared-user-create.md)
// never can; lengthening their names would only hide the numeric suffix.
func splittable(parts map[string]nameParts, k string, ks map[string]bool) bool {
	full := parts[k].name(parts[k].maxLevel())
	for o := range ks {
		if o != k && parts[o].name(parts[o].maxLevel()) != full {
			return true
		}
	}
	return false
}

// qualify picks a level for every key so that the names are unique when
// the paths allow it. Names whose identifiers (derive) meet another key's,
// or one taken outside the group (types, fixed names), all move one level
// up, every member of the group alike, until no group is left that a
// further qualifier could split (see splittable). Only sets are consulted, so the result
// does not depend on the order of keys. Ties that remain are left to the
// namer's numeric suffix.
func qualify(parts map[string]nameParts, derive func(key, name string) []string, taken func(id string) bool) map[string]string {
	level := make(map[string]int, len(parts))
	for k, p := range parts {
		level[k] = p.min
	}
	names := make(map[string]string, len(parts))
	for {
		for k, p := range parts {
			names[k] = p.name(level[k])
		}
		holders := map[string]map[string]bool{}
		bump := map[string]bool{}
		for k := range parts {
			for _, id := range derive(k, names[k]) {
				if holders[id] == nil {
					holders[id] = map[string]bool{}
				}
				holders[id][k] = true
				if taken(id) {
					bump[k] = true
				}
			}
		}
		for _, ks := range holders {
			for k := range ks {
				if splittable(parts, k, ks) {
					bump[k] = true
				}
			}
		}
		moved := false
		for k := range bump {
			if level[k] < parts[k].maxLevel() {
				level[k]++
				moved = true
			}
		}
		if !moved {
			return names
		}
	}
}

// nameEndpoints names each endpoint's method and everything derived from
// it (request type, handler, test fake, test functions).
func (pl *planner) nameEndpoints(pkg *namer) {
	perPage := map[string]int{}
	var primaries, members []*endpointInfo
	for _, e := range pl.sortedEndpoints() {
		perPage[e.ep.Page]++
		e.key = fmt.Sprintf("%s#%d", e.ep.Page, perPage[e.ep.Page])
		switch {
		case e.reason != "":
		case e.primary == nil:
			e.ok = true
			primaries = append(primaries, e)
		default:
			members = append(members, e)
		}
	}
	// Primaries (the Server and Client methods) are named first, so a
	// member page (its golden tests only) never lengthens or numbers them.
	got := nameGroup(pkg, primaries)
	maps.Copy(got, nameGroup(pkg, members))
	for _, e := range pl.endpoints {
		if e.ok || e.primary != nil {
			e.name = got[e.key]
		}
		if e.primary != nil {
			e.routes, e.params = e.primary.routes, e.primary.params
		}
	}
}

// nameGroup names eps in pkg. Pages creating the same kind of thing under
// different parents (chat and channel messages) are qualified by their
// paths (see qualify), so only true ties reach the namer's numeric suffix
// and its warning.
func nameGroup(pkg *namer, eps []*endpointInfo) map[string]string {
	parts := map[string]nameParts{}
	examples := map[string]int{}
	for _, e := range eps {
		if e.primary == nil {
			parts[e.key] = routeParts(e.routes[0])
		} else {
			parts[e.key] = memberParts(e)
		}
		examples[e.key] = len(e.ep.Examples)
	}
	bases := qualify(parts, func(key, b string) []string { return endpointIdents(b, examples[key]) }, pkg.isTaken)
	var ws []want
	for _, e := range eps {
		n := examples[e.key]
		ws = append(ws, want{Key: e.key, Base: bases[e.key], What: "endpoint", Pos: e.ep.Pos,
			Derive: func(b string) []string { return endpointIdents(b, n) }})
	}
	return pkg.assign(ws)
}

// endpointIdents lists the package identifiers an endpoint named b uses.
func endpointIdents(b string, examples int) []string {
	ids := []string{b, b + "Request", b + "At", "handle" + b, "endpoint" + b, "Test" + b + "Unimplemented", "Test" + b + "DerivedTypes"}
	for i := 1; i <= examples; i++ {
		ids = append(ids, "example"+b+"Request"+strconv.Itoa(i), "example"+b+"Response"+strconv.Itoa(i))
		ids = append(ids, "Test"+b+"Example"+strconv.Itoa(i))
	}
	return ids
}

// endpointName derives the method name from the route's last literal
// segment: a collection ("androidDeviceOwnerEnrollmentProfiles") gives
// "Create" + its singular, an action ("microsoft.graph.createReply")
// gives its own name, prefixed with "Create" unless it already is. It is
// the name before any qualifying (see qualify).
func endpointName(r route) string { return routeParts(r).name(0) }

// memberParts names a member endpoint (its tests and files): "Create" +
// its own documented body type, qualified by the segments before the
// shared collection when that name is not unique.
func memberParts(e *endpointInfo) nameParts {
	p := routeParts(e.primary.routes[0])
	if b := e.ep.Body; b != nil && b.Name != "" && !b.Primitive {
		if n := goName(b.Name); n != "X" {
			return nameParts{noun: n, quals: dropLeading(p.quals, n)}
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

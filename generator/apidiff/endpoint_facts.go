package apidiff

import (
	"fmt"
	"slices"
	"strings"

	"github.com/docs2go/docs2go/parser/ir"
)

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

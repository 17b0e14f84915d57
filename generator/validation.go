package generator

import (
	"slices"
	"strings"

	"github.com/docs2go/docs2go/internal/jsontree"
	"github.com/docs2go/docs2go/parser/ir"
)

// This file derives the per-field and per-endpoint facts the handler's
// validation (templates/runtime/validate.go) reads: the docs2go struct
// tags and the list of things the docs' own request examples send
// although the tables forbid them.

// docs2goTag is the `docs2go:"..."` tag value of a property: "required"
// when the docs state it (a body table's Required column or "Required."
// prose), "readonly" when the description says Read-only.
func docs2goTag(p ir.Property) string {
	var opts []string
	if p.Required {
		opts = append(opts, "required")
	}
	if p.ReadOnly {
		opts = append(opts, "readonly")
	}
	return strings.Join(opts, ",")
}

// fieldTags is the tag map of a property's struct field.
func fieldTags(p ir.Property) map[string]string {
	tags := map[string]string{"json": p.Name + ",omitzero"}
	if t := docs2goTag(p); t != "" {
		tags["docs2go"] = t
	}
	return tags
}

// documentedKeys lists, sorted, what e's request examples send although
// the docs' tables forbid it, in the runtime's documentedKey form
// ("readonly:createdDateTime", "unknown:x", "required:a.b", "enum:a=v"):
// the emitted golden test posts each example and expects success, and an
// example is the docs' strongest statement of what the service accepts.
func (plan *Plan) documentedKeys(e *endpointInfo) []string {
	set := map[string]bool{}
	for _, m := range append([]*endpointInfo{e}, e.members...) { // members share e's handler
		for _, ex := range m.ep.Examples { // all of them: members' examples are prepared later
			if ex.Request == nil || ex.Request.Body == nil {
				continue
			}
			// The tree the linker kept; Leading, as the golden test's
			// decoder reads a body followed by header lines.
			if v := jsontree.Of(ex.Request.Body).Leading(); v != nil {
				plan.documentedValue(v, m.body, "", set, 0)
			}
		}
	}
	keys := make([]string, 0, len(set))
	for k := range set {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// documentedValue walks one example value of type ref at path.
func (plan *Plan) documentedValue(v *jsontree.Node, ref ir.TypeRef, path string, set map[string]bool, depth int) {
	if v == nil || v.Kind == jsontree.Null || depth > maxDepth {
		return
	}
	k, _, ti, ei := plan.resolve(ref)
	if ref.Collection {
		elem := ref
		elem.Collection = false
		if v.Kind == jsontree.Array {
			for _, x := range v.Elems {
				plan.documentedValue(x, elem, path, set, depth+1)
			}
		}
		return
	}
	switch {
	case k == kindEnum && v.Kind == jsontree.String:
		if !enumAccepts(ei.e, v.Str) {
			set["enum:"+path+"="+v.Str] = true
		}
	case k == kindStruct && v.Kind == jsontree.Object:
		plan.documentedObject(v, plan.derivedFor(v, ti), path, set, depth)
	}
}

// maxDepth bounds recursion on deeply nested examples.
const maxDepth = 64

// lastField is the value of key in obj, the last of repeats as
// encoding/json (and so the generated code) decodes it, or nil.
func lastField(obj *jsontree.Node, key string) *jsontree.Node {
	for i := len(obj.Members) - 1; i >= 0; i-- {
		if obj.Members[i].Key == key {
			return obj.Members[i].Val
		}
	}
	return nil
}

// documentedObject walks an example object against ti's properties.
func (plan *Plan) documentedObject(obj *jsontree.Node, ti *typeInfo, path string, set map[string]bool, depth int) {
	known := map[string]bool{"@odata.type": true}
	for _, f := range ti.fields {
		p := f.prop
		known[p.Name] = true
		at := docPath(path, p.Name)
		val := lastField(obj, p.Name)
		present := val != nil
		if p.Required && (!present || val.Kind == jsontree.Null) {
			set["required:"+at] = true
		}
		if p.ReadOnly && present {
			set["readonly:"+at] = true
		}
		if present {
			plan.documentedValue(val, p.Type, at, set, depth+1)
		}
	}
	for _, m := range obj.Members {
		if !known[m.Key] && !strings.Contains(m.Key, "@") {
			set["unknown:"+docPath(path, m.Key)] = true
		}
	}
}

// derivedFor returns the type an example object's @odata.type names when
// the doc set defines it as ti or a type derived from ti (the generated
// code decodes into no other), else ti.
func (plan *Plan) derivedFor(obj *jsontree.Node, ti *typeInfo) *typeInfo {
	var s string
	if t := lastField(obj, "@odata.type"); t != nil && t.Kind == jsontree.String {
		s = strings.TrimPrefix(t.Str, "#")
	}
	if s == "" {
		return ti
	}
	d := plan.byName[s]
	if d == nil && !strings.Contains(s, ".") {
		d = plan.byName[ti.t.Namespace+"."+s]
	}
	if d != nil && (d == ti || plan.derives(d, ti)) {
		return d
	}
	return ti
}

// enumAccepts mirrors the generated Valid method.
func enumAccepts(e *ir.Enum, s string) bool {
	parts := []string{s}
	if e.Flags {
		parts = strings.Split(s, ",")
	}
	for _, part := range parts {
		if !slices.ContainsFunc(e.Members, func(m ir.EnumMember) bool { return m.Name == strings.TrimSpace(part) }) {
			return false
		}
	}
	return true
}

func docPath(path, name string) string {
	if path == "" {
		return name
	}
	return path + "." + name
}

package link

// Lookup: the queries every pass after indexing uses to find the type or
// enum a reference denotes (by link, by name, by the link's file name).
// They read the index and never change it.

import (
	"net/url"
	"path"
	"slices"
	"strings"

	"github.com/docs2go/docs2go/parser/ir"
)

// resolveRef resolves ref in place: Target becomes the qualified name of the
// type or enum it denotes and Name that type's real name. Unresolved
// references get an "unresolved-type" warning when warn is set.
func (l *linker) resolveRef(from string, ref *ir.TypeRef, warn bool) *def {
	if ref == nil || ref.Primitive {
		return nil
	}
	d := l.lookup(from, ref)
	if d == nil {
		ref.Target = ""
		if warn {
			l.warnUnresolved(ref)
		}
		return nil
	}
	ref.Name, ref.Target = d.name(), d.qualified()
	return d
}

func (l *linker) warnUnresolved(ref *ir.TypeRef) {
	if strings.TrimSpace(ref.Name) == "" && ref.Link == "" {
		l.diags.Warnf(ref.Pos, ir.CodeMissingType, "property table: the type cell is empty")
		return
	}
	what := ref.Name
	if ref.Link != "" {
		what += " (" + ref.Link + ")"
	}
	l.diags.Warnf(ref.Pos, ir.CodeUnresolvedType, "type link: no resource or enum page defines %s", strings.TrimSpace(what))
}

// lookup finds the definition ref denotes: by link target first, then by
// name, then by the link's file name (the seed links
// ../resources/mimecontent.md, a page that exists in no snapshot).
func (l *linker) lookup(from string, ref *ir.TypeRef) *def {
	if ref.Link != "" {
		if d := l.byLink(from, l.linkDefinition(from, ref.Link), ref.Name); d != nil {
			return d
		}
	}
	if d := l.byName(ref.Name, l.pageNamespace(from)); d != nil {
		return d
	}
	if ref.Link != "" {
		return l.byLinkFileName(ref.Link, l.pageNamespace(from))
	}
	return nil
}

// linkDefinition maps a reference-style label ("[x][identityset]" left
// unresolved as "identityset" or "[identityset]") to its definition on the
// page; other destinations are returned unchanged.
func (l *linker) linkDefinition(from, dest string) string {
	p := l.byFile[from]
	if p == nil {
		return dest
	}
	label := strings.ToLower(strings.Trim(strings.TrimSpace(dest), "[]"))
	for _, ld := range p.Links {
		if strings.ToLower(ld.Label) == label {
			return ld.Destination
		}
	}
	return dest
}

func (l *linker) pageNamespace(file string) string {
	if p := l.byFile[file]; p != nil {
		return normNamespace(p.Namespace, "")
	}
	return ir.DefaultNamespace
}

// targetFile maps a link destination to a docs-relative page File and a
// fragment. ok is false for links that cannot point into this docs version.
func targetFile(from, dest string) (file, frag string, ok bool) {
	dest = strings.TrimSpace(strings.Trim(strings.TrimSpace(dest), "<>"))
	dest, frag, _ = strings.Cut(dest, "#")
	dest, _, _ = strings.Cut(dest, "?")
	if strings.HasPrefix(dest, "http://") || strings.HasPrefix(dest, "https://") {
		u, err := url.Parse(dest)
		if err != nil || !strings.HasSuffix(u.Host, "microsoft.com") {
			return "", "", false
		}
		dest = u.Path
		// docs.microsoft.com/en-us/graph/api/... carries a locale.
		if parts := strings.SplitN(strings.TrimPrefix(dest, "/"), "/", 2); len(parts) == 2 &&
			len(parts[0]) == 5 && parts[0][2] == '-' {
			dest = "/" + parts[1]
		}
	}
	switch {
	case dest == "":
		return from, frag, true
	case strings.HasPrefix(dest, "/graph/api/"):
		// /graph/api/resources/x is the published URL of resources/x.md;
		// /graph/api/x that of api/x.md.
		rest := strings.TrimPrefix(dest, "/graph/api/")
		if !strings.Contains(rest, "/") {
			rest = "api/" + rest
		}
		file = path.Clean(rest)
	case strings.HasPrefix(dest, "/"):
		return "", "", false
	default:
		if u, err := url.PathUnescape(dest); err == nil {
			dest = u
		}
		file = path.Join(path.Dir(from), dest)
	}
	if !strings.HasSuffix(strings.ToLower(file), ".md") {
		file += ".md"
	}
	return file, frag, true
}

// byLink resolves a link destination: exact page path, then
// case-insensitively (109 corpus links only match so:
// driveItemUploadableProperties.md → driveitemuploadableproperties.md).
func (l *linker) byLink(from, dest, name string) *def {
	file, frag, ok := targetFile(from, dest)
	if !ok {
		return nil
	}
	p := l.byFile[file]
	if p == nil {
		p = l.byFileLower[strings.ToLower(file)]
	}
	if p == nil {
		return nil
	}
	return l.pickOnPage(p.File, frag, name)
}

// pickOnPage chooses among the definitions of a page: the one an anchor
// names ("#x-values" is the anchor of a "### x values" section), else the one
// the link text names, else the page's first resource, else its only enum.
func (l *linker) pickOnPage(file, frag, name string) *def {
	keys := l.pageDefs[file]
	if len(keys) == 0 {
		return nil
	}
	match := func(want string) *def {
		want = strings.ToLower(want)
		for _, k := range keys {
			if d := l.defs[k]; d.lname == want {
				return d
			}
		}
		return nil
	}
	if f := strings.ToLower(strings.TrimSpace(frag)); f != "" {
		if d := match(strings.TrimSuffix(f, "-values")); d != nil {
			return d
		}
		if d := match(strings.ReplaceAll(strings.TrimSuffix(f, "-values"), "-", "")); d != nil {
			return d
		}
	}
	if _, short := ir.SplitQualified(name); short != "" {
		if d := match(short); d != nil {
			return d
		}
	}
	var enums []*def
	for _, k := range keys {
		d := l.defs[k]
		if d.typ != nil {
			return d
		}
		enums = append(enums, d)
	}
	if len(enums) == 1 {
		return enums[0]
	}
	return nil
}

// byName resolves a written or linked name, qualified or short, ignoring
// case (the seed's annotations say microsoft.graph.androiddeviceownerenrollmentprofile).
// Among short-name homonyms in several namespaces it prefers the linking
// page's namespace, then microsoft.graph, then the first in sort order.
func (l *linker) byName(name, ns string) *def {
	name = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(name), "#"))
	if name == "" {
		return nil
	}
	if d := l.defs[strings.ToLower(name)]; d != nil {
		return d
	}
	qns, short := ir.SplitQualified(name)
	if qns != "" {
		ns = qns
	}
	keys := l.byShort[strings.ToLower(short)]
	if len(keys) == 0 {
		return nil
	}
	for _, want := range []string{ns, ir.DefaultNamespace} {
		if i := slices.Index(keys, strings.ToLower(ir.Qualify(want, short))); i >= 0 {
			return l.defs[keys[i]]
		}
	}
	return l.defs[keys[0]]
}

// byLinkFileName tries the link's file name as a type name:
// "../resources/mimecontent.md" → mimecontent, and for intune family pages
// the last dash-separated word ("intune-shared-mimecontent.md").
func (l *linker) byLinkFileName(dest, ns string) *def {
	dest, _, _ = strings.Cut(dest, "#")
	dest, _, _ = strings.Cut(dest, "?")
	base := strings.TrimSuffix(path.Base(dest), ".md")
	if base == "" || base == "." || base == "/" {
		return nil
	}
	if d := l.byName(base, ns); d != nil {
		return d
	}
	if i := strings.LastIndexByte(base, '-'); i >= 0 {
		return l.byName(base[i+1:], ns)
	}
	return nil
}

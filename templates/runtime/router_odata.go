package runtime

import (
	"fmt"
	"slices"
	"sort"
	"strings"
)

// patternSeg is one segment of a route pattern as the router reads it: a
// literal (name), a wildcard (wild), or a function segment (call: name
// and params). A key segment name('{x}') is read as the literal name
// followed by the wildcard x.
type patternSeg struct {
	name   string
	wild   string
	colon  bool // a wildcard {x}: of a segment ending in a colon
	path   bool // a wildcard {x}: after a segment ending in a colon: a drive path
	call   bool
	params []funcParam       // sorted by name
	wilds  map[string]string // function parameter → wildcard name
}

// wildOf returns the wildcard bound to function parameter param.
func (s patternSeg) wildOf(param string) string { return s.wilds[param] }

// parsePattern reads the path of a route pattern. Wildcard names must be
// unique: each becomes one r.PathValue.
func parsePattern(path string) ([]patternSeg, error) {
	var segs []patternSeg
	seen := map[string]bool{}
	wildcard := func(name string) error {
		if name == "" || strings.ContainsAny(name, "{}/'(),= ") {
			return fmt.Errorf("bad wildcard name %q", name)
		}
		if seen[name] {
			return fmt.Errorf("wildcard %q twice", name)
		}
		seen[name] = true
		return nil
	}
	for _, text := range strings.Split(path[1:], "/") {
		seg, err := parsePatternSeg(text)
		if err != nil {
			return nil, err
		}
		if len(seg) == 1 && seg[0].colon && len(segs) > 0 && endsInColon(segs[len(segs)-1]) {
			seg[0].colon, seg[0].path = false, true
		}
		for _, s := range seg {
			if s.wild != "" {
				if err := wildcard(s.wild); err != nil {
					return nil, err
				}
			}
			for _, p := range s.params {
				if p.wild {
					if err := wildcard(s.wilds[p.name]); err != nil {
						return nil, err
					}
				}
			}
		}
		segs = append(segs, seg...)
	}
	return segs, nil
}

// endsInColon reports whether s is a segment of drive path addressing
// ending in a colon (root:, {parentID}:, {itemPath}:): a {x}: after it is
// a path.
func endsInColon(s patternSeg) bool {
	return s.colon || s.path || s.wild == "" && !s.call && strings.HasSuffix(s.name, ":")
}

// parsePatternSeg reads one segment of a pattern, which a key segment
// makes two.
func parsePatternSeg(text string) ([]patternSeg, error) {
	if name, ok := placeholder(text); ok {
		if name == "" {
			return nil, fmt.Errorf("bad wildcard name %q", name)
		}
		return []patternSeg{{wild: name}}, nil
	}
	if name, ok := placeholder(strings.TrimSuffix(text, ":")); ok && name != "" {
		return []patternSeg{{wild: name, colon: true}}, nil // parsePattern tells a path
	}
	name, args, isCall := cutCall(text)
	if text == "" || strings.ContainsAny(name, "{}") || !isCall && strings.ContainsAny(text, "{}") {
		return nil, fmt.Errorf("segment %q: a wildcard must be a whole segment, a key or a function parameter", text)
	}
	if !isCall {
		if text == "." || text == ".." {
			return nil, fmt.Errorf("segment %q: a dot segment matches nothing", text)
		}
		return []patternSeg{{name: text}}, nil
	}
	if args == "" {
		return []patternSeg{{name: name}}, nil // delta() is delta
	}
	list, ok := parseArgs(args, nil)
	if !ok {
		return nil, fmt.Errorf("segment %q: malformed call", text)
	}
	if len(list) == 1 && list[0].name == "" {
		key, ok := placeholder(unquote(list[0].value))
		if !ok {
			return nil, fmt.Errorf("segment %q: a key must be a wildcard", text)
		}
		return []patternSeg{{name: name}, {wild: key}}, nil
	}
	s := patternSeg{name: name, call: true, wilds: map[string]string{}}
	for _, a := range list {
		p := funcParam{name: lowerASCII(a.name), value: unquote(a.value)}
		if a.name == "" || slices.ContainsFunc(s.params, func(q funcParam) bool { return q.name == p.name }) {
			return nil, fmt.Errorf("segment %q: parameter %q unnamed or repeated", text, a.name)
		}
		if w, ok := placeholder(p.value); ok {
			p.value, p.wild, s.wilds[p.name] = "", true, w
		} else if strings.ContainsAny(p.value, "{}") {
			return nil, fmt.Errorf("segment %q: a wildcard must be a whole parameter value", text)
		}
		s.params = append(s.params, p)
	}
	sort.Slice(s.params, func(i, j int) bool { return s.params[i].name < s.params[j].name })
	return []patternSeg{s}, nil
}

// placeholder returns x for the text "{x}".
func placeholder(text string) (string, bool) {
	if len(text) < 2 || text[0] != '{' || text[len(text)-1] != '}' {
		return "", false
	}
	return text[1 : len(text)-1], true
}

// cutCall splits an OData call segment "name(args)" (a key, a function
// call, or name()).
func cutCall(text string) (name, args string, ok bool) {
	i := strings.IndexByte(text, '(')
	if i <= 0 || text[len(text)-1] != ')' {
		return "", "", false
	}
	return text[:i], text[i+1 : len(text)-1], true
}

// callArg is one argument of a call: name=value, or a key (name "").
type callArg struct{ name, value string }

// parseArgs splits the arguments of a call at the commas outside
// quotes, appending to list. A key (an argument without a name) must be
// the only one; values stay quoted.
func parseArgs(args string, list []callArg) ([]callArg, bool) {
	for args != "" {
		item, rest, more := cutUnquoted(args, ',')
		if more && rest == "" {
			return nil, false // a trailing comma
		}
		name, value, named := cutUnquoted(item, '=')
		if !named {
			name, value = "", item
		}
		name, value = strings.TrimSpace(name), strings.TrimSpace(value)
		if value == "" || named && name == "" || strings.Count(value, "'")%2 != 0 {
			return nil, false
		}
		list = append(list, callArg{name, value})
		args = rest
	}
	for _, a := range list {
		if a.name == "" && len(list) > 1 {
			return nil, false
		}
	}
	return list, len(list) > 0
}

// cutUnquoted cuts s at the first sep outside an OData string literal.
func cutUnquoted(s string, sep byte) (before, after string, found bool) {
	quoted := false
	for i := range len(s) {
		switch s[i] {
		case '\'':
			quoted = !quoted // '' inside a literal toggles twice
		case sep:
			if !quoted {
				return s[:i], s[i+1:], true
			}
		}
	}
	return s, "", false
}

// unquote returns the value of an OData string literal 'x' (a doubled quote is a
// quote); other values (numbers, GUIDs, enum members) as they are.
func unquote(v string) string {
	if len(v) < 2 || v[0] != '\'' || v[len(v)-1] != '\'' {
		return v
	}
	v = v[1 : len(v)-1]
	if strings.Contains(v, "''") {
		v = strings.ReplaceAll(v, "''", "'")
	}
	return v
}

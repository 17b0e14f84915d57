package generator

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"

	"github.com/docs2go/docs2go/templates/runtime"
)

// makeSegment classifies one segment of a request line: a whole-segment
// placeholder ({id}, {id | userPrincipalName}, <address>), an OData key
// (companies('{id}'), worksheets({id}), borders(<sideIndex>)), a function
// call (getEmailActivityCounts(period='{period_value}'), delta()) or a
// literal, or a placeholder ending in a colon ({parent-id}:, {item-path}:
// after root:; drive path addressing). Calls are read by the router's own parser. Every key and every
// function parameter becomes a wildcard whatever its written value (the
// docs write sample values there: image(width=640,height=480)); a
// function parameter's wildcard is named after the parameter, so
// handlers read r.PathValue("period"). A placeholder sharing a segment
// with other text ("account{id}") cannot be routed. prev are the segments
// before s, which name a generic placeholder (see paramNamePrefix).
func makeSegment(s string, prev []segment, used map[string]int) (segment, error) {
	if inner, ok := placeholderText(s); ok {
		name := wildcardName(inner, paramNamePrefix(prev), used)
		return segment{Param: name, Doc: commentSafe(s)}, nil
	}
	if inner, ok := placeholderText(strings.TrimSuffix(s, ":")); ok && strings.HasSuffix(s, ":") {
		name := wildcardName(inner, paramNamePrefix(prev), used)
		return segment{Param: name, Doc: commentSafe(strings.TrimSuffix(s, ":")), Colon: true}, nil // drive path addressing
	}
	name, args, isCall, ok := runtime.ParseCall(s)
	if isCall {
		if !ok || validLiteral(name) != nil || strings.ContainsAny(name, "{}") {
			return segment{}, fmt.Errorf("segment %q: malformed OData key or function call", s)
		}
		return makeCall(s, name, args, used)
	}
	if strings.ContainsAny(s, "{}") {
		return segment{}, fmt.Errorf("placeholder inside segment %q; a wildcard must be a whole segment, an OData key or a function parameter", s)
	}
	if err := validLiteral(s); err != nil {
		return segment{}, err
	}
	return segment{Lit: s}, nil
}

// makeCall classifies a call segment name(args).
func makeCall(s, name string, args []runtime.CallArg, used map[string]int) (segment, error) {
	if len(args) == 0 {
		return segment{Lit: s}, nil // delta(): the router reads it as delta
	}
	if len(args) == 1 && args[0].Name == "" {
		v := args[0].Value
		inner, ok := placeholderText(strings.Trim(v, "'"))
		if !ok {
			inner = "id" // a sample key: /programs('b3f1...')
		}
		return segment{Lit: name, Key: true, Quoted: strings.HasPrefix(v, "'") || strings.HasPrefix(v, "<"),
			Param: wildcardName(inner, singular(name), used), Doc: commentSafe(v)}, nil
	}
	seg := segment{Lit: name}
	seen := map[string]bool{}
	for _, a := range args {
		if !isIdentifier(a.Name) {
			return segment{}, fmt.Errorf("segment %q: function parameter %q is not a name", s, a.Name)
		}
		if seen[strings.ToLower(a.Name)] {
			return segment{}, fmt.Errorf("segment %q: function parameter %q twice", s, a.Name)
		}
		seen[strings.ToLower(a.Name)] = true
		seg.Args = append(seg.Args, funcArg{Name: a.Name, Param: wildcardName(a.Name, "", used),
			Doc: commentSafe(a.Value), Quoted: strings.HasPrefix(a.Value, "'")})
	}
	return seg, nil
}

// placeholderText returns the text inside a whole-segment placeholder
// "{...}" or "<...>".
func placeholderText(s string) (string, bool) {
	switch {
	case strings.HasPrefix(s, "{") && strings.HasSuffix(s, "}") && strings.Count(s, "{") == 1:
	case strings.HasPrefix(s, "<") && strings.HasSuffix(s, ">") && strings.Count(s, "<") == 1:
	default:
		return "", false
	}
	return s[1 : len(s)-1], true
}

// wildcardName names the wildcard of a placeholder: after its first
// alternative ("id | userPrincipalName" gives id), a generic id after
// prefix, numbered when the route already has the name.
func wildcardName(inner, prefix string, used map[string]int) string {
	first, _, _ := strings.Cut(inner, "|")
	first = strings.TrimSpace(first)
	if strings.EqualFold(first, "id") && prefix != "" {
		first = prefix + "-id"
	}
	name := localName(first)
	used[name]++
	if n := used[name]; n > 1 {
		name += strconv.Itoa(n)
	}
	return name
}

// validLiteral rejects a literal segment a route cannot hold (a dot
// segment is resolved away by URL clients and matches nothing).
func validLiteral(s string) error {
	if s == "." || s == ".." {
		return fmt.Errorf("segment %q is a dot segment", s)
	}
	for _, c := range s {
		if unicode.IsSpace(c) || c == '%' || c < 0x20 || c == 0x7f || c == '\'' || c == '<' || c == '>' || c == '/' {
			return fmt.Errorf("segment %q has a character a route cannot hold (%q)", s, c)
		}
	}
	return nil
}

// isIdentifier reports whether s is an OData parameter name.
func isIdentifier(s string) bool {
	for i, c := range s {
		if !(c == '_' || unicode.IsLetter(c) || i > 0 && unicode.IsDigit(c)) {
			return false
		}
	}
	return s != ""
}

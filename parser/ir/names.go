package ir

import "strings"

// DefaultNamespace is the namespace of pages that state no "Namespace:"
// line (124 pages of the 2021 corpus): Graph's root namespace, the only
// sensible default.
const DefaultNamespace = "microsoft.graph"

// Qualify joins a namespace and a name: "microsoft.graph" and "user" give
// "microsoft.graph.user"; without a namespace, the name alone.
func Qualify(ns, name string) string {
	if ns == "" {
		return name
	}
	return ns + "." + name
}

// SplitQualified splits "microsoft.graph.callRecords.session" into
// namespace and name; a name without dots has no namespace. Surrounding
// space and a leading "#" (OData type casts) are dropped.
func SplitQualified(s string) (ns, name string) {
	s = strings.TrimPrefix(strings.TrimSpace(s), "#")
	if i := strings.LastIndexByte(s, '.'); i >= 0 {
		return s[:i], s[i+1:]
	}
	return "", s
}

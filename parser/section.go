package parser

import "strings"

// sectionKind is what a heading introduces, matched case-insensitively on a
// prefix: "HTTP Request" (intune) and "HTTP request" (hand) are the same
// section, and sections sit at h2 or h3 (corpus §7).
type sectionKind int

const (
	secOther sectionKind = iota
	secHTTPRequest
	secPermissions
	secHeaders
	secBody
	secResponse
	secExamples
	secProperties
	secRelationships
	secJSON
	secMembers
	secValues // "### x values": an enumeration
	secParameters
	secMethods
)

// sectionPrefixes maps lower-case heading prefixes to kinds; first match wins.
var sectionPrefixes = []struct {
	prefix string
	kind   sectionKind
}{
	{"http request", secHTTPRequest},
	{"permissions", secPermissions},
	{"prerequisites", secPermissions},
	{"request header", secHeaders},
	{"request body", secBody},
	{"response", secResponse},
	{"example", secExamples},
	{"properties", secProperties},
	{"relationships", secRelationships},
	{"json representation", secJSON},
	{"members", secMembers},
	{"methods", secMethods},
	{"path parameters", secParameters},
	{"query parameters", secParameters},
	{"optional query parameters", secParameters},
	{"parameters", secParameters},
	{"function parameters", secParameters},
}

// classifyHeading returns the kind of a heading's plain text.
func classifyHeading(text string) sectionKind {
	// Lower-cased while compared: ToLower copied nearly every heading. Only
	// non-ASCII text, where lowering may change lengths, is copied.
	t := strings.TrimSpace(text)
	if !isASCII(t) {
		t = strings.ToLower(t)
	}
	for _, p := range sectionPrefixes {
		if hasPrefixLower(t, p.prefix) {
			return p.kind
		}
	}
	if hasSuffixLower(t, " values") || hasSuffixLower(t, " enum") || hasSuffixLower(t, " enum values") {
		return secValues
	}
	return secOther
}

// section is one open heading.
type section struct {
	level int
	kind  sectionKind
	text  string
	pos   int // offset of the heading
}

// sections is the stack of open headings below the H1.
type sections []section

// push opens a heading at level, closing every heading at the same or a
// deeper level.
func (ss *sections) push(s section) {
	st := *ss
	for len(st) > 0 && st[len(st)-1].level >= s.level {
		st = st[:len(st)-1]
	}
	*ss = append(st, s)
}

// in reports whether a heading of kind k is open.
func (ss sections) in(k sectionKind) bool {
	for _, s := range ss {
		if s.kind == k {
			return true
		}
	}
	return false
}

// find returns the deepest open heading of kind k.
func (ss sections) find(k sectionKind) (section, bool) {
	for i := len(ss) - 1; i >= 0; i-- {
		if ss[i].kind == k {
			return ss[i], true
		}
	}
	return section{}, false
}

package generator

import (
	"fmt"
	"go/token"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/docs2go/docs2go/parser/ir"
)

// initialisms are written in upper case inside Go names, as golint and
// gopls expect ("accountId" → "AccountID"); plural forms keep a lower "s".
var initialisms = map[string]string{
	"acl": "ACL", "api": "API", "ascii": "ASCII", "cpu": "CPU", "css": "CSS", "dns": "DNS", "eof": "EOF",
	"guid": "GUID", "guids": "GUIDs", "html": "HTML", "http": "HTTP", "https": "HTTPS", "id": "ID", "ids": "IDs",
	"ip": "IP", "ips": "IPs", "json": "JSON", "odata": "OData", "rpc": "RPC", "smtp": "SMTP", "sql": "SQL",
	"ssh": "SSH", "tcp": "TCP", "tls": "TLS", "ttl": "TTL", "udp": "UDP", "ui": "UI", "uid": "UID",
	"uri": "URI", "uris": "URIs", "url": "URL", "urls": "URLs", "utf8": "UTF8", "uuid": "UUID", "vm": "VM",
	"xml": "XML", "xsrf": "XSRF", "xss": "XSS",
}

var (
	markupRE     = regexp.MustCompile(`<[^>]*>|[*` + "`" + `\\]`)
	deprecatedRE = regexp.MustCompile(`(?i)\s*\(deprecated\)`)
)

// words splits a doc name into words: at every character that cannot be
// part of a Go identifier (and at "_"), and at case changes
// ("qrCodeImage" → qr Code Image, "HTTPServer" → HTTP Server). Markup and
// " (deprecated)" are removed first, as tables write "**id** (deprecated)".
func words(s string) []string {
	// Each regexp needs a byte it cannot match without; most names have
	// neither, and the replace costs even when nothing matches.
	if strings.ContainsAny(s, "<*`\\") {
		s = markupRE.ReplaceAllString(s, "")
	}
	if strings.IndexByte(s, '(') >= 0 {
		s = deprecatedRE.ReplaceAllString(s, "")
	}
	s = strings.ReplaceAll(s, "OData", "Odata") // one word, not "O" + "Data"
	// A word is a piece of s: only its slice header is allocated, and a
	// name of up to four words (most) fills one array.
	out := make([]string, 0, 4)
	start := -1 // of the current word, or -1 between words
	var prev rune
	for i, r := range s {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			if start >= 0 {
				out = append(out, s[start:i])
				start = -1
			}
			continue
		}
		if start >= 0 && unicode.IsUpper(r) {
			next, _ := utf8.DecodeRuneInString(s[i+utf8.RuneLen(r):])
			nextLower := unicode.IsLower(next) // RuneError at the end
			if unicode.IsLower(prev) || unicode.IsDigit(prev) || (unicode.IsUpper(prev) && nextLower) {
				out = append(out, s[start:i])
				start = i
			}
		}
		if start < 0 {
			start = i
		}
		prev = r
	}
	if start >= 0 {
		out = append(out, s[start:])
	}
	return out
}

// exportWord capitalizes one word, or spells it as an initialism.
func exportWord(w string) string {
	if in, ok := initialism(w); ok {
		return in
	}
	if w != "" && w[0] < utf8.RuneSelf && utf8.ValidString(w) {
		// Most words: only an ASCII first letter changes, if any.
		if c := w[0]; 'a' <= c && c <= 'z' {
			return string(rune(c-'a'+'A')) + w[1:]
		}
		return w
	}
	rs := []rune(w)
	rs[0] = unicode.ToUpper(rs[0])
	return string(rs)
}

// initialism returns w spelled as an initialism, if it is one. The
// common case, a short ASCII word, is looked up without allocating.
func initialism(w string) (string, bool) {
	var lower [initialismMax]byte
	if len(w) > len(lower) || !isASCII(w) {
		in, ok := initialisms[strings.ToLower(w)]
		return in, ok
	}
	for i := range len(w) {
		c := w[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		lower[i] = c
	}
	in, ok := initialisms[string(lower[:len(w)])]
	return in, ok
}

// initialismMax bounds the length of the initialisms' keys (tested).
const initialismMax = 8

// goName maps a doc name to an exported Go identifier: "accountId" →
// "AccountID", "@odata.type" → "ODataType", "x@odata.bind" → "XODataBind",
// "10thValue" → "X10thValue", "" → "X". Exported names cannot be keywords
// or shadow predeclared identifiers, so no further escaping is needed.
func goName(s string) string {
	var n string
	switch ws := words(s); len(ws) {
	case 0:
		return "X"
	case 1:
		n = exportWord(ws[0])
	default:
		var b strings.Builder
		b.Grow(len(s))
		for _, w := range ws {
			b.WriteString(exportWord(w))
		}
		n = b.String()
	}
	if n == "" {
		return "X"
	}
	if r, _ := utf8.DecodeRuneInString(n); !unicode.IsUpper(r) {
		// A leading digit, or a letter without case (e.g. CJK), would not
		// make an exported identifier.
		n = "X" + n
	}
	return n
}

// localName maps a doc name to an unexported identifier for parameters
// and path wildcards: "user-id" → "userID", "ID" → "id", "type" → "type_".
func localName(s string) string {
	ws := words(s)
	if len(ws) == 0 {
		return "x"
	}
	var b strings.Builder
	for i, w := range ws {
		if i == 0 {
			b.WriteString(lowerWord(w))
			continue
		}
		b.WriteString(exportWord(w))
	}
	n := b.String()
	if r, _ := utf8.DecodeRuneInString(n); !unicode.IsLetter(r) || unicode.IsUpper(r) {
		n = "x" + exportWord(n)
	}
	if token.IsKeyword(n) || predeclared[n] {
		n += "_"
	}
	return n
}

// lowerWord lower-cases the first word of a local name; initialisms are
// lower-cased whole ("ID" → "id", "OData" → "odata").
func lowerWord(w string) string {
	if _, ok := initialism(w); ok {
		return strings.ToLower(w)
	}
	if w != "" && w[0] < utf8.RuneSelf && utf8.ValidString(w) {
		if c := w[0]; 'A' <= c && c <= 'Z' {
			return string(rune(c-'A'+'a')) + w[1:]
		}
		return w
	}
	rs := []rune(w)
	rs[0] = unicode.ToLower(rs[0])
	return string(rs)
}

// predeclared are the universe-scope identifiers a local must not shadow.
var predeclared = map[string]bool{
	"any": true, "append": true, "bool": true, "byte": true, "cap": true, "clear": true, "close": true,
	"comparable": true, "complex": true, "complex128": true, "complex64": true, "copy": true, "delete": true,
	"error": true, "false": true, "float32": true, "float64": true, "imag": true, "int": true, "int16": true,
	"int32": true, "int64": true, "int8": true, "iota": true, "len": true, "make": true, "max": true, "min": true,
	"new": true, "nil": true, "panic": true, "print": true, "println": true, "real": true, "recover": true,
	"rune": true, "string": true, "true": true, "uint": true, "uint16": true, "uint32": true, "uint64": true,
	"uint8": true, "uintptr": true,
}

// want is one name to assign: Key orders the assignment (the source name),
// Base is the preferred Go name, and Derive lists every identifier the
// entity occupies for a given base (e.g. X, XValues).
type want struct {
	Key    string
	Base   string
	What   string // e.g. "type", "enum member", "endpoint" (for the diagnostic)
	Pos    ir.Pos
	Derive func(base string) []string
	IDs    []string // Derive(Base), when the caller has it already; else nil
	// Free says that no identifier of IDs is taken in the scope, nor among
	// the IDs of the other wants of the same assign: the want gets its
	// base unless a want renumbered before it took one of them.
	Free bool
}

// namer hands out unique identifiers within one scope. Collisions are
// resolved by suffixing 2, 3... in sorted order of the source name and
// reported as "name-collision" warnings.
type namer struct {
	taken map[string]string // identifier → source that holds it
	diags *ir.Diagnostics
}

func newNamer(diags *ir.Diagnostics, reserved ...string) *namer {
	return newNamerSize(diags, len(reserved), reserved...)
}

// newNamerSize is newNamer for a scope expected to hold about size
// identifiers, so that its table does not grow step by step.
func newNamerSize(diags *ir.Diagnostics, size int, reserved ...string) *namer {
	n := &namer{taken: make(map[string]string, max(size, len(reserved))), diags: diags}
	for _, r := range reserved {
		n.taken[r] = fixedHolder
	}
	return n
}

// assign names every want and returns Key → assigned base name.
func (n *namer) assign(ws []want) map[string]string {
	byKey := func(a, b want) int { return strings.Compare(a.Key, b.Key) }
	sorted := ws
	if !slices.IsSortedFunc(ws, byKey) {
		sorted = slices.Clone(ws)
		slices.SortStableFunc(sorted, byKey)
	}
	out := make(map[string]string, len(ws))
	var renumbered map[string]bool // the identifiers of the wants renumbered here, which Free does not cover
	for _, w := range sorted {
		derive := w.Derive
		if derive == nil {
			derive = func(b string) []string { return []string{b} }
		}
		base, ids := w.Base, w.IDs
		if ids == nil {
			ids = derive(w.Base)
		}
		baseIDs := ids
		if !w.Free || slices.ContainsFunc(ids, func(id string) bool { return renumbered[id] }) {
			for i := 2; n.anyTaken(ids); i++ {
				base = w.Base + strconv.Itoa(i)
				ids = derive(base)
			}
		}
		if base != w.Base {
			n.diags.Warnf(w.Pos, ir.CodeNameCollision, "%s: go name %s of %q collides with %s; using %s",
				w.What, w.Base, label(w.Key), n.holder(baseIDs), base)
			if renumbered == nil {
				renumbered = map[string]bool{}
			}
			for _, id := range ids {
				renumbered[id] = true
			}
		}
		for _, id := range ids {
			n.taken[id] = w.Key
		}
		out[w.Key] = base
	}
	return out
}

// fieldScope names the fields of one request struct: a handful of
// identifiers, each given its base or the first free base2, base3...
// as a namer would, with no finding (a collision there is no defect of
// the docs) and no maps.
type fieldScope []string

// add names one field.
func (s *fieldScope) add(base string) string {
	name := base
	for i := 2; slices.Contains(*s, name); i++ {
		name = base + strconv.Itoa(i)
	}
	*s = append(*s, name)
	return name
}

// isTaken reports whether id is already held in n's scope.
func (n *namer) isTaken(id string) bool {
	_, ok := n.taken[id]
	return ok
}

func (n *namer) anyTaken(ids []string) bool {
	for _, id := range ids {
		if _, ok := n.taken[id]; ok {
			return true
		}
	}
	return false
}

func (n *namer) holder(ids []string) string {
	for _, id := range ids {
		if src, ok := n.taken[id]; ok {
			if src == fixedHolder {
				return "fixed name " + id
			}
			return fmt.Sprintf("%s of %q", id, label(src))
		}
	}
	return "?"
}

// fixedHolder marks reserved identifiers in a namer.
const fixedHolder = "\x00fixed"

// label is a key as messages show it: endpoint keys "page#n" lose "#n".
func label(key string) string {
	if i := strings.LastIndexByte(key, '#'); i > 0 {
		return key[:i]
	}
	return key
}

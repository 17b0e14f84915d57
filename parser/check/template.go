package check

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// template is a path template compiled for matching: what templateRE
// builds, matched without a regexp. Compiling one regexp per template was
// most of check.Pages (issue 6 profile); TestTemplateMatchesRegexp checks
// the two agree on every template and example URL of the corpus.
type template struct {
	anyPrefix bool           // (/.*)? before the first part (workbook paths)
	parts     []templatePart // then these, then /?$
}

// templatePart is a literal (matched case-insensitively, as (?i) does),
// or a placeholder: [^/]* within a segment, or .+? after a ":".
type templatePart struct {
	lit   string
	hole  bool
	colon bool // .+? rather than [^/]*
}

// compileTemplate parses tmpl as templateRE does; nil when templateRE
// would not compile (invalid UTF-8).
func compileTemplate(tmpl string) *template {
	t := normPath(tmpl)
	if !utf8.ValidString(t) {
		return nil
	}
	tp := &template{anyPrefix: strings.HasPrefix(strings.ToLower(t), "/workbook/")}
	for len(t) > 0 {
		i := strings.IndexAny(t, "{<")
		if i < 0 {
			tp.parts = append(tp.parts, templatePart{lit: t})
			break
		}
		closer := map[byte]byte{'{': '}', '<': '>'}[t[i]]
		j := strings.IndexByte(t[i:], closer)
		if j < 0 {
			tp.parts = append(tp.parts, templatePart{lit: t})
			break
		}
		tp.parts = append(tp.parts, templatePart{lit: t[:i]},
			templatePart{hole: true, colon: i > 0 && (t[i-1] == ':' || strings.HasSuffix(t[:i], ":/"))})
		t = t[i+j+1:]
	}
	return tp
}

// match reports whether the regexp templateRE builds matches path.
func (tp *template) match(path string) bool {
	if tp.matchFrom(0, path) {
		return true
	}
	if !tp.anyPrefix || !strings.HasPrefix(path, "/") {
		return false
	}
	// ^(/.*)?: the path's "/" and any text without a line break, then
	// the parts.
	for i := 1; ; {
		if tp.matchFrom(0, path[i:]) {
			return true
		}
		if i == len(path) || path[i] == '\n' {
			return false
		}
		_, w := utf8.DecodeRuneInString(path[i:])
		i += w
	}
}

// matchFrom matches parts[k:] and then /?$ against s.
func (tp *template) matchFrom(k int, s string) bool {
	if k == len(tp.parts) {
		return s == "" || s == "/"
	}
	p := tp.parts[k]
	if !p.hole {
		rest, ok := foldPrefix(s, p.lit)
		return ok && tp.matchFrom(k+1, rest)
	}
	// A placeholder: [^/]* takes any text but "/", .+? at least one
	// character and no line break. Try every length (any of them may do).
	start := 0
	if p.colon {
		if s == "" || s[0] == '\n' {
			return false
		}
		_, start = utf8.DecodeRuneInString(s)
	}
	for i := start; ; {
		if tp.matchFrom(k+1, s[i:]) {
			return true
		}
		if i == len(s) || (p.colon && s[i] == '\n') || (!p.colon && s[i] == '/') {
			return false
		}
		_, w := utf8.DecodeRuneInString(s[i:])
		i += w
	}
}

// foldPrefix matches lit at the start of s rune by rune under simple case
// folding, as a (?i) regexp literal does, and returns the rest of s.
func foldPrefix(s, lit string) (string, bool) {
	for _, r := range lit {
		if s == "" {
			return "", false
		}
		c, w := utf8.DecodeRuneInString(s)
		if c != r && !sameFold(c, r) {
			return "", false
		}
		s = s[w:]
	}
	return s, true
}

// sameFold reports whether c is in the simple case folding orbit of r.
func sameFold(c, r rune) bool {
	for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
		if f == c {
			return true
		}
	}
	return false
}

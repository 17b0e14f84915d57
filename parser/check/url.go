package check

import (
	"regexp"
	"strconv"
	"strings"

	"github.com/docs2go/docs2go/parser/ir"
)

// checkURLs reports example requests whose URL matches none of the page's
// path templates ("url-mismatch"). Host, the /v1.0 or /beta prefix and the
// query string are ignored on both sides; placeholders match any segment.
func checkURLs(p *ir.Page) ir.Diagnostics {
	op := p.Operation
	if op == nil || len(op.Paths) == 0 {
		return nil
	}
	var pats []*regexp.Regexp
	var shown []string
	for _, ps := range op.Paths {
		if re := templateRE(ps.Template); re != nil {
			pats = append(pats, re)
			shown = append(shown, ps.Template)
		}
	}
	if len(pats) == 0 {
		return nil
	}
	var diags ir.Diagnostics
	for _, ex := range op.Examples {
		m := ex.Request
		if m == nil || strings.TrimSpace(m.URL) == "" {
			continue
		}
		path := normPath(m.URL)
		if matchesAny(pats, path) {
			continue
		}
		hint := shown[0]
		if len(shown) > 1 {
			hint += " (or one of " + strconv.Itoa(len(shown)-1) + " more)"
		}
		diags.Warnf(m.Pos, "url-mismatch", "example request: URL path %q matches no request line of the HTTP request section, e.g. %s",
			clip(path), hint)
	}
	return diags
}

func matchesAny(pats []*regexp.Regexp, path string) bool {
	for _, re := range pats {
		if re.MatchString(path) {
			return true
		}
	}
	return false
}

// versionRE strips the API version segment (typos such as "V1.0" included).
var versionRE = regexp.MustCompile(`(?i)^/(v1\.0|beta)(/|$)`)

// normPath reduces a request URL or template to its path: no scheme and
// host, no query string, no version prefix, a leading slash and no
// trailing one.
func normPath(u string) string {
	u = strings.TrimSpace(u)
	if i := strings.IndexAny(u, "?#"); i >= 0 {
		u = u[:i]
	}
	if i := strings.Index(u, "://"); i >= 0 {
		rest := u[i+3:]
		if j := strings.IndexByte(rest, '/'); j >= 0 {
			u = rest[j:]
		} else {
			u = "/"
		}
	}
	if !strings.HasPrefix(u, "/") {
		u = "/" + u
	}
	u = versionRE.ReplaceAllString(u, "/")
	if len(u) > 1 {
		u = strings.TrimRight(u, "/")
	}
	return strings.TrimSpace(u)
}

// templateRE compiles a path template into a case-insensitive regexp:
// "{...}" and "<...>" placeholders match any text within a segment, or any
// text at all after ":" (drive paths "root:/{item-path}:/children").
func templateRE(tmpl string) *regexp.Regexp {
	t := normPath(tmpl)
	var b strings.Builder
	b.WriteString(`(?i)^`)
	for len(t) > 0 {
		i := strings.IndexAny(t, "{<")
		if i < 0 {
			b.WriteString(regexp.QuoteMeta(t))
			break
		}
		closer := map[byte]byte{'{': '}', '<': '>'}[t[i]]
		j := strings.IndexByte(t[i:], closer)
		if j < 0 {
			b.WriteString(regexp.QuoteMeta(t))
			break
		}
		b.WriteString(regexp.QuoteMeta(t[:i]))
		if i > 0 && (t[i-1] == ':' || strings.HasSuffix(t[:i], ":/")) {
			b.WriteString(`.+?`)
		} else {
			b.WriteString(`[^/]*`)
		}
		t = t[i+j+1:]
	}
	b.WriteString(`/?$`)
	re, err := regexp.Compile(b.String())
	if err != nil {
		return nil
	}
	return re
}

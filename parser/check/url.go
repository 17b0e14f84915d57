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
	// Only API pages: tutorials under resources/ (synchronization-*.md)
	// show request sequences that are not the page's operation.
	if op == nil || len(op.Paths) == 0 || p.Kind != ir.PageAPI {
		return nil
	}
	// Templates are compiled only when an example needs them, one at a
	// time until one matches: compiling every template of every page was
	// most of check.Pages (issue 6 profile).
	pats := make([]lazyTemplate, len(op.Paths))
	for i, ps := range op.Paths {
		pats[i].tmpl = ps.Template
	}
	var diags ir.Diagnostics
	for _, ex := range op.Examples {
		m := ex.Request
		if m == nil || strings.TrimSpace(m.URL) == "" || !graphHost(m.URL) {
			continue
		}
		path := normPath(m.URL)
		if matchesAny(pats, path) {
			continue
		}
		var shown []string // the templates that compile, all tried by now
		for _, p := range pats {
			if p.re != nil {
				shown = append(shown, p.tmpl)
			}
		}
		if len(shown) == 0 {
			return nil // nothing to compare with
		}
		hint := shown[0]
		if len(shown) > 1 {
			hint += " (or one of " + strconv.Itoa(len(shown)-1) + " more)"
		}
		diags.Warnf(m.Pos, ir.CodeURLMismatch, "example request: URL %q matches no request line of the HTTP request section, e.g. %s",
			clipURL(strings.TrimSpace(m.URL)), hint)
	}
	return diags
}

// lazyTemplate is a path template compiled on first use.
type lazyTemplate struct {
	tmpl     string
	re       *template // nil until compiled, or when it does not compile
	compiled bool
}

func (t *lazyTemplate) match(path string) bool {
	if !t.compiled {
		t.re, t.compiled = compileTemplate(t.tmpl), true
	}
	return t.re != nil && t.re.match(path)
}

func matchesAny(pats []lazyTemplate, path string) bool {
	for i := range pats {
		if pats[i].match(path) {
			return true
		}
	}
	return false
}

// graphHost reports whether an example URL goes to Graph: relative, or on
// a host named like Graph's (graph.microsoft.com, graph.microsoft.us, the
// typo "graph/microsoft.com"). Examples also show calls Graph makes to a
// bot's callback (https://bot.contoso.com/api/calls, call-answer.md) and
// upload-session PUTs to storage hosts (driveitem-createuploadsession.md);
// those follow no template of the page.
func graphHost(u string) bool {
	i := strings.Index(u, "://")
	if i < 0 {
		return true
	}
	host, _, _ := strings.Cut(u[i+3:], "/")
	return strings.Contains(strings.ToLower(host), "graph")
}

var (
	// versionRE strips the API version segment (typos such as "V1.0"
	// included, and the placeholder "{ver}" of connector-list.md).
	versionRE = regexp.MustCompile(`(?i)^/(v1\.0|beta|\{ver(sion)?\})(/|$)`)
	// keyRE turns OData key syntax into a segment: /users('a@b.com') →
	// /users/a@b.com (user-list-people.md).
	keyRE = regexp.MustCompile(`\('([^'/]*)'\)`)
	// paramsRE drops function parameter lists, whose values examples fill
	// in: getActivitiesByInterval(startDateTime='2017-01-01',...),
	// delta(token='1230919asd190410jlka'), range(address='<address>').
	paramsRE = regexp.MustCompile(`\([^)]*\)`)
	// meRE: /me is /users/{id} for the signed-in user; pages list one
	// form and show the other (message-unsubscribe.md).
	meRE = regexp.MustCompile(`(?i)^/me(/|$)`)
	// Drive items are addressed by id, as the root, or by path
	// (corpus.md §2: 683 "root:/{item-path}:/" lines); all three name the
	// same item, so they are reduced to one form on both sides.
	// Only after a drive: "/sites/root" is a site, not an item.
	drivePathRE = regexp.MustCompile(`(?i)(/drive|/drives/[^/]+)/(root|items/[^/:]+):/[^:]*(:|$)`)
	driveRootRE = regexp.MustCompile(`(?i)(/drive|/drives/[^/]+)/root(/|$)`)
)

// normItems reduces drive item addressing to "/items/{item}".
func normItems(p string) string {
	if !strings.Contains(strings.ToLower(p), "/drive") { // both regexps need it; its folds are ASCII
		return p
	}
	p = drivePathRE.ReplaceAllString(p, "$1/items/{item}")
	p = driveRootRE.ReplaceAllString(p, "$1/items/{item}$2")
	return p
}

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
	u = strings.TrimPrefix(u, "~") // "~/onPremisesPublishingProfiles/..." (onpremisesagentgroup-*.md)
	if !strings.HasPrefix(u, "/") {
		u = "/" + u
	}
	// Each regexp runs only when a byte it cannot match without is there:
	// ReplaceAllString costs even when nothing matches (issue 6 profile).
	// versionRE and meRE are anchored after the leading "/" on letters
	// whose case folds are ASCII.
	if len(u) > 1 && strings.IndexByte("vVbB{", u[1]) >= 0 {
		u = versionRE.ReplaceAllString(u, "/")
	}
	if strings.IndexByte(u, '(') >= 0 {
		u = keyRE.ReplaceAllString(u, "/$1")
		u = paramsRE.ReplaceAllString(u, "")
	}
	if len(u) > 2 && u[1]|0x20 == 'm' && u[2]|0x20 == 'e' {
		u = meRE.ReplaceAllString(u, "/users/{me}$1")
	}
	u = normItems(u)
	if len(u) > 1 {
		u = strings.TrimRight(u, "/")
	}
	return strings.TrimSpace(u)
}

// templateRE compiles a path template into a case-insensitive regexp (the
// specification of compileTemplate, which matches the same paths without
// a regexp and is what checkURLs uses; TestTemplateMatchesRegexp):
// "{...}" and "<...>" placeholders match any text within a segment, or any
// text at all after ":" (drive paths "root:/{item-path}:/children").
func templateRE(tmpl string) *regexp.Regexp {
	t := normPath(tmpl)
	var b strings.Builder
	b.WriteString(`(?i)^`)
	if strings.HasPrefix(strings.ToLower(t), "/workbook/") {
		// Excel pages write paths relative to a workbook
		// ("POST /workbook/tables/{id}/rows"); examples give the whole
		// path, /me/drive/items/{id}/workbook/....
		b.WriteString(`(/.*)?`)
	}
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

// clipURL shortens a path for a message, keeping more than clip does:
// the difference is often near the end.
func clipURL(s string) string {
	if len(s) <= 160 {
		return s
	}
	return s[:157] + "..."
}

package check

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// requestTargetRe finds request lines in raw pages, for the test below.
var requestTargetRe = regexp.MustCompile(`(?m)^\s*(?:GET|POST|PUT|PATCH|DELETE)\s+(\S+)`)

// TestTemplateMatchesRegexp checks the hand-written template matcher
// against the regexp templateRE compiles, on edge cases and, when the
// corpus is there, on every pair of request lines of every page.
func TestTemplateMatchesRegexp(t *testing.T) {
	check := func(tmpl, u string) {
		re, tp := templateRE(tmpl), compileTemplate(tmpl)
		if (re == nil) != (tp == nil) {
			t.Fatalf("template %q: regexp compiles %v, matcher %v", tmpl, re != nil, tp != nil)
		}
		if re == nil {
			return
		}
		for _, p := range []string{normPath(u), u, strings.ToUpper(u), u + "/", u + "\n", "/x" + u} {
			if want, got := re.MatchString(p), tp.match(p); want != got {
				t.Errorf("template %q, path %q: regexp %v, matcher %v (%s)", tmpl, p, want, got, re)
			}
		}
	}
	edge := []string{"/users/{id}", "/workbook/tables/{id}/rows", "/me/drive/root:/{item-path}:/children",
		"/drives/{drive-id}/root:/{path}", "/a/<b>/c", "/a/{b", "/KELVIN/\u212a/{x}", "/ſ/{x}", "/\xff/{x}", "/a:{x}",
		"/{a}{b}", "/{a}:/{b}:", "/users/{id}/", "/", "", "/workbook/{x}/", "/a/{b}\n/c"}
	paths := []string{"/users/1", "/users/1/", "/USERS/1", "/me/drive/items/x/workbook/tables/1/rows",
		"/me/drive/root:/a/b/c:/children", "/me/drive/root:/:/children", "/a/xyz/c", "/a/{b", "/kelvin/k/y", "/s/y",
		"/\xff/y", "/a:q", "/ab", "/q:/r:", "/users//", "/", "", "/x/workbook/1/", "/a/b\n/c", "/a/\n/c", "/users/1\n"}
	for _, tmpl := range append(edge, paths...) {
		for _, u := range append(edge, paths...) {
			check(tmpl, u)
		}
	}
	t.Run("corpus", func(t *testing.T) {
		if testing.Short() {
			t.Skip("the corpus part is skipped with -short")
		}
		files, _ := filepath.Glob("../../../shared/corpus/graph-docs-2020/api-reference/*/api/*.md")
		if len(files) == 0 {
			t.Skip("corpus not found at ../shared/corpus/graph-docs-2020 next to the repo; skipping the corpus part")
		}
		for _, f := range files {
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			var targets []string
			for _, m := range requestTargetRe.FindAllStringSubmatch(string(b), -1) {
				targets = append(targets, m[1])
			}
			for _, tmpl := range targets {
				for _, u := range targets {
					check(tmpl, u)
				}
			}
		}
	})
}

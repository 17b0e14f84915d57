package generator

import (
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
)

// TestDescribeAPIMatchesGenerate checks DescribeAPI against what Generate
// emits for every testdata case: the same method names, and every type,
// field and constant it names declared in the generated files.
func TestDescribeAPIMatchesGenerate(t *testing.T) {
	cases, _ := filepath.Glob("testdata/*/input.json")
	sort.Strings(cases)
	if len(cases) == 0 {
		t.Fatal("no cases in testdata/*/input.json")
	}
	for _, in := range cases {
		t.Run(filepath.Base(filepath.Dir(in)), func(t *testing.T) {
			ds := readDocSet(t, in)
			api, err := DescribeAPI(ds)
			if err != nil {
				t.Fatal(err)
			}
			res := generateCase(t, in)
			var src strings.Builder
			for _, f := range res.Files {
				src.Write(f.Content)
			}
			code := src.String()
			if len(api.Endpoints) != len(res.Endpoints) {
				t.Fatalf("%d endpoints described, %d generated", len(api.Endpoints), len(res.Endpoints))
			}
			for i, e := range api.Endpoints {
				r := res.Endpoints[i]
				if e.Generated != r.Generated || (r.Generated && e.GoName != r.Name) {
					t.Errorf("endpoint %d: described %q (generated %t), Generate says %q (generated %t)", i, e.GoName, e.Generated, r.Name, r.Generated)
				}
				if e.Generated && !strings.Contains(code, "func (c *Client) "+e.GoName+"(") {
					t.Errorf("no client method %s in the output", e.GoName)
				}
			}
			for q, ty := range api.Types {
				if !regexp.MustCompile(`(?m)^type ` + ty.GoName + ` `).MatchString(code) {
					t.Errorf("%s: type %s not declared", q, ty.GoName)
				}
				for json, f := range ty.Fields {
					field := `(?m)^\s+` + f.GoName + `\s+Opt\[` + regexp.QuoteMeta(f.GoType) + `\]\s+` + "`" + `(?:[^` + "`" + `]*\s)?json:"` + regexp.QuoteMeta(json) + `,`
					if !regexp.MustCompile(field).MatchString(code) {
						t.Errorf("%s.%s: field %s Opt[%s] not declared", q, json, f.GoName, f.GoType)
					}
				}
				for _, c := range ty.Consts {
					if !regexp.MustCompile(`(?m)^\s+` + c + `\s`).MatchString(code) {
						t.Errorf("%s: constant %s not declared", q, c)
					}
				}
			}
		})
	}
}

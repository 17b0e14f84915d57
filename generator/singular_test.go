package generator

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

func TestSingular(t *testing.T) {
	for plural, want := range map[string]string{
		"androidDeviceOwnerEnrollmentProfiles": "androidDeviceOwnerEnrollmentProfile",
		"policies":                             "policy",
		"tokenLifetimePolicies":                "tokenLifetimePolicy",
		"addresses":                            "address",
		"bookingBusinesses":                    "bookingBusiness",
		"statuses":                             "status",
		"deviceStatuses":                       "deviceStatus",
		"boxes":                                "box",
		"batches":                              "batch",
		"pushes":                               "push",
		"drives":                               "drive",
		"photos":                               "photo",
		"databases":                            "database",
		"activities":                           "activity",
		"taxes":                                "tax",
		"access":                               "access",
		"conditionalAccess":                    "conditionalAccess",
		"status":                               "status",
		"categoryaxis":                         "categoryaxis",
		"series":                               "series",
		"seriesAxis":                           "seriesAxis",
		"timesOff":                             "timeOff",
		"termsAndConditions":                   "termsAndConditions",
		"countriesRegions":                     "countryRegion",
		"unitsOfMeasure":                       "unitOfMeasure",
		"scheduledActionsForRule":              "scheduledActionForRule",
		"people":                               "person",
		"children":                             "child",
		"axes":                                 "axis",
		"chartAxes":                            "chartAxis",
		"workbookChartSeries":                  "workbookChartSeries",
		"aliases":                              "alias",
		"macOS":                                "macOS",
		"knowledgeBases":                       "knowledgeBase",
		"messages":                             "message",
		"s":                                    "s",
		"":                                     "",
	} {
		if got := singular(plural); got != want {
			t.Errorf("singular(%q) = %q, want %q", plural, got, want)
		}
	}
}

// TestSingularWordList checks every entry of irregularPlurals alone and
// as the last word of a compound.
func TestSingularWordList(t *testing.T) {
	for plural, want := range irregularPlurals {
		if got := singular(plural); got != want {
			t.Errorf("singular(%q) = %q, want %q", plural, got, want)
		}
		up := strings.ToUpper(plural[:1]) + plural[1:]
		if got, w := singular("some"+up), "some"+strings.ToUpper(want[:1])+want[1:]; got != w {
			t.Errorf("singular(%q) = %q, want %q", "some"+up, got, w)
		}
	}
}

// badSingulars are wrong singulars the suffix rules alone give (the first
// three were in the generated names of the corpus).
var badSingulars = []string{"Sery", "TimesOff", "TermsAndCondition", "CountriesRegion", "UnitsOfMeasure",
	"Specy", "Aliase", "Movy", "Cooky", "Matche", "Batche", "Childre", "Peopl"}

// requestLine matches the path of a request line of an API page.
var requestLine = regexp.MustCompile(`(?m)^(?:GET|POST|PATCH|PUT|DELETE) +(/[^ ?\r\n]*)`)

// TestCorpusEndpointNames names every request path of both corpus
// snapshots, both versions, at every qualifying level, as the generator
// would if the path were a create endpoint, and checks no name holds a known
// bad singular.
func TestCorpusEndpointNames(t *testing.T) {
	for _, snap := range []string{"graph-docs-2019", "graph-docs-2020"} {
		for _, version := range []string{"v1.0", "beta"} {
			dir := filepath.Join("..", "..", "shared", "corpus", snap, "api-reference", version, "api")
			t.Run(snap+"/"+version, func(t *testing.T) {
				files, _ := filepath.Glob(filepath.Join(dir, "*.md"))
				if len(files) == 0 {
					t.Skipf("corpus not found at %s; skipping", dir)
				}
				names := map[string]bool{}
				for _, f := range files {
					src, err := os.ReadFile(f)
					if err != nil {
						t.Fatal(err)
					}
					for _, m := range requestLine.FindAllStringSubmatch(string(src), -1) {
						r, err := parseRoute("POST", m[1])
						if err != nil {
							continue
						}
						p := routeParts(r, opCreate)
						for level := 0; level <= p.maxLevel(); level++ {
							names[p.name(level)] = true
						}
					}
				}
				for n := range names {
					for _, bad := range badSingulars {
						if i := strings.Index(n, bad); i >= 0 && (i+len(bad) == len(n) || isUpper(n[i+len(bad)])) {
							t.Errorf("endpoint name %s holds the bad singular %q", n, bad)
						}
					}
				}
				t.Logf("%d names", len(names))
			})
		}
	}
}

func isUpper(c byte) bool { return 'A' <= c && c <= 'Z' }

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

// irregularScan is irregular as first written, trying every entry: the
// reference for the indexed lookup.
func irregularScan(s string) (start int, sing string, ok bool) {
	best := -1
	for plural, sg := range irregularPlurals {
		i := len(s) - len(plural)
		if i < 0 || !strings.EqualFold(s[i:], plural) || !wordStart(s, i) {
			continue
		}
		if best < 0 || i < best {
			best, sing = i, sg
		}
	}
	return best, sing, best >= 0
}

// TestIrregularMatchesScan wants the indexed lookup to find what trying
// every entry finds: on every entry in several cases, inside compounds, at
// and off word starts, after non-ASCII text and with runes that fold to
// ASCII letters (the Kelvin sign, the long s).
func TestIrregularMatchesScan(t *testing.T) {
	lowered := map[string]string{}
	for plural := range irregularPlurals {
		if other, dup := lowered[strings.ToLower(plural)]; dup {
			t.Errorf("irregularPlurals has %q and %q, equal but for case", plural, other)
		}
		lowered[strings.ToLower(plural)] = plural
	}
	var inputs []string
	for plural := range irregularPlurals {
		up := strings.ToUpper(plural[:1]) + plural[1:]
		for _, s := range []string{plural, up, strings.ToUpper(plural), "some" + up, "some" + plural, "x.y" + plural,
			"ü" + up, "中" + plural, plural[1:], "a" + plural[1:], strings.ReplaceAll(plural, "s", "ſ"),
			strings.ReplaceAll(up, "k", "\u212a"), "timesOff" + up, plural + "s"} {
			inputs = append(inputs, s)
		}
	}
	inputs = append(inputs, "", "s", "ſ", "seriesAxis", "activities", "macOS", "iOS", "MacOS", "users", "ListTimesOff")
	for _, s := range inputs {
		i, sg, ok := irregular(s)
		wi, wsg, wok := irregularScan(s)
		if i != wi || sg != wsg || ok != wok {
			t.Errorf("irregular(%q) = %d %q %v, want %d %q %v", s, i, sg, ok, wi, wsg, wok)
		}
	}
}

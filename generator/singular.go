package generator

import (
	"strings"
	"unicode/utf8"
)

// singular undoes the English plural of a collection name, a lowerCamel
// or lower-case word such as "androidDeviceOwnerEnrollmentProfiles". The
// plural is on the last word of a compound, except in the compounds of
// irregularPlurals ("timesOff", "countriesRegions"); the suffix rules
// below get some words wrong ("series" would become "sery"), and those are
// listed in irregularPlurals too.
func singular(s string) string {
	if i, sing, ok := irregular(s); ok {
		if strings.EqualFold(s[i:], sing) {
			return s // its own singular, as written ("macOS")
		}
		return s[:i] + matchCase(sing, s[i])
	}
	switch {
	case strings.HasSuffix(s, "ies") && len(s) > 3:
		return s[:len(s)-3] + "y" // policies
	case strings.HasSuffix(s, "sses"), strings.HasSuffix(s, "uses"), strings.HasSuffix(s, "xes"),
		strings.HasSuffix(s, "ches"), strings.HasSuffix(s, "shes"):
		return s[:len(s)-2] // addresses, statuses, boxes, batches, pushes
	case strings.HasSuffix(s, "ss"), strings.HasSuffix(s, "us"), strings.HasSuffix(s, "is"):
		return s // access, status, categoryaxis
	case strings.HasSuffix(s, "s") && len(s) > 1:
		return s[:len(s)-1]
	}
	return s
}

// irregularPlurals maps, in lowerCamel, the words and compounds whose
// singular the suffix rules of singular get wrong, to their singular.
// Words that are their own singular map to themselves. Each entry matches
// the end of a name at a word start: an upper-case letter or the start of
// the name ("seriesAxis" keeps "Axis"; "activities" is not "ac"+"tivities").
var irregularPlurals = map[string]string{
	// compounds whose plural is not on the last word
	"termsAndConditions":              "termsAndConditions", // the type is termsAndConditions
	"timesOff":                        "timeOff",
	"daysOff":                         "dayOff",
	"countriesRegions":                "countryRegion",
	"passersBy":                       "passerBy",
	"unitsOfMeasure":                  "unitOfMeasure", // Business Central
	"actionsForRule":                  "actionForRule", // scheduledActionsForRule (Intune)
	"summariesByPrinter":              "summaryByPrinter",
	"summariesByUser":                 "summaryByUser",
	"certificatesForServerValidation": "certificateForServerValidation",
	// the same in singular and plural, or a singular ending in s
	"series": "series", "species": "species", "news": "news", "analytics": "analytics", "statistics": "statistics",
	"alias": "alias", "canvas": "canvas", "atlas": "atlas", "bias": "bias", "gas": "gas", "lens": "lens",
	"os": "os", "ios": "ios", "macos": "macos", "kudos": "kudos", "chaos": "chaos", "sms": "sms",
	// irregular plurals
	"people": "person", "children": "child", "men": "man", "women": "woman", "feet": "foot", "teeth": "tooth",
	"mice": "mouse", "geese": "goose", "criteria": "criterion", "phenomena": "phenomenon",
	"indices": "index", "matrices": "matrix", "vertices": "vertex", "appendices": "appendix",
	"axes": "axis", "analyses": "analysis", "bases": "base", "crises": "crisis", "diagnoses": "diagnosis",
	"hypotheses": "hypothesis", "parentheses": "parenthesis", "syntheses": "synthesis", "theses": "thesis",
	"aliases": "alias", "biases": "bias", "canvases": "canvas", "atlases": "atlas", "gases": "gas", "lenses": "lens",
	"quizzes": "quiz",
	// -ies words whose singular ends in -ie
	"movies": "movie", "cookies": "cookie", "calories": "calorie", "zombies": "zombie", "selfies": "selfie",
	"ties": "tie", "lies": "lie", "pies": "pie", "rookies": "rookie", "hoodies": "hoodie", "goalies": "goalie",
	// -ches and -uses words whose singular ends in -e
	"caches": "cache", "niches": "niche", "headaches": "headache", "avalanches": "avalanche",
	"causes": "cause", "clauses": "clause", "houses": "house", "warehouses": "warehouse", "pauses": "pause",
	"uses": "use", "excuses": "excuse", "fuses": "fuse", "spouses": "spouse", "blouses": "blouse",
	// -ves plurals of -f and -fe words (other -ves words, "drives", drop the s)
	"leaves": "leaf", "halves": "half", "shelves": "shelf", "wolves": "wolf", "selves": "self", "calves": "calf",
	"knives": "knife", "lives": "life", "wives": "wife", "thieves": "thief", "loaves": "loaf",
	// -oes plurals of -o words (other -oes words, "shoes", drop the s)
	"heroes": "hero", "potatoes": "potato", "tomatoes": "tomato", "echoes": "echo", "vetoes": "veto",
}

// irregular finds the longest entry of irregularPlurals that ends s at a
// word start, returning where it starts and its singular. The entries are
// ASCII, so only an ASCII tail of s can match one (strings.EqualFold of
// an ASCII word and a string of as many bytes holding another rune is
// false); tails are tried longest first.
func irregular(s string) (start int, sing string, ok bool) {
	tail := len(s) // s[tail:] is the longest ASCII tail of s
	for tail > 0 && s[tail-1] < utf8.RuneSelf {
		tail--
	}
	for i := max(tail, len(s)-longestIrregular); i < len(s); i++ {
		if !wordStart(s, i) {
			continue
		}
		if sg, ok := irregularByLower[asciiLower(s[i:])]; ok {
			return i, sg, true
		}
	}
	return -1, "", false
}

// irregularByLower is irregularPlurals keyed in lower case, and
// longestIrregular the length of its longest key.
var irregularByLower, longestIrregular = func() (map[string]string, int) {
	m, longest := make(map[string]string, len(irregularPlurals)), 0
	for plural, sing := range irregularPlurals {
		m[strings.ToLower(plural)] = sing
		longest = max(longest, len(plural))
	}
	return m, longest
}()

// asciiLower lower-cases the ASCII letters of s, allocating only when
// there is one to change.
func asciiLower(s string) string {
	for i := 0; i < len(s); i++ {
		if 'A' <= s[i] && s[i] <= 'Z' {
			b := []byte(s)
			for j := i; j < len(b); j++ {
				if 'A' <= b[j] && b[j] <= 'Z' {
					b[j] += 'a' - 'A'
				}
			}
			return string(b)
		}
	}
	return s
}

// wordStart reports whether a word of the camelCase name s starts at i.
func wordStart(s string, i int) bool {
	return i == 0 || 'A' <= s[i] && s[i] <= 'Z' || !isASCIILetter(s[i-1])
}

func isASCIILetter(c byte) bool { return 'a' <= c|0x20 && c|0x20 <= 'z' }

// matchCase gives w the case of the first letter it replaces.
func matchCase(w string, first byte) string {
	if w == "" || !('A' <= first && first <= 'Z') {
		return w
	}
	return strings.ToUpper(w[:1]) + w[1:]
}

// plural is the English plural of a singular noun, for naming a list of a
// type ("policy" → "policies", "status" → "statuses"); the docs' own
// collection names are used wherever a route gives one.
func plural(s string) string {
	lower := strings.ToLower(s)
	switch {
	case strings.HasSuffix(lower, "y") && len(s) > 1 && !strings.ContainsRune("aeiou", rune(lower[len(lower)-2])):
		return s[:len(s)-1] + "ies"
	case strings.HasSuffix(lower, "s"), strings.HasSuffix(lower, "x"), strings.HasSuffix(lower, "ch"), strings.HasSuffix(lower, "sh"):
		return s + "es"
	}
	return s + "s"
}

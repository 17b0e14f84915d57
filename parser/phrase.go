package parser

import "strings"

// This file reads the two description phrases that become request rules:
// "Required." and "Read-only.". Both only count when a sentence states
// them of the property for every request; a conditional statement ("Required
// if type is weekly.", "Read-only when isBuiltIn is true.", "Read-only for
// users synced from on-premises directory.") leaves the property writable
// and optional, since the generated handler cannot know the condition and
// rejecting a valid request (400) is the worse mistake.

// requiredSentences are the sentences, compared without case, surrounding
// parentheses or final punctuation, that make a property required:
// "Required." anywhere in the description (at the end in most rows, e.g.
// v1.0/api/group-post-groups.md), "This property is required."; a sentence
// opening with "(Required)" counts too. Everything else that mentions
// "required" does not: "Not required.", "Required if ...", "Required for
// ...", "Required when includeResourceData is true.", except the create
// condition (see requiredOnCreate).
var requiredSentences = []string{
	"required",
	"this property is required",
	"this is a required property",
	"this is required",
	"this field is required",
	"this value is required",
	"this parameter is required",
}

// statesRequired reports whether desc says, in a sentence of its own, that
// the property is required; onCreate says the row describes what a create
// request sends, where "Required on create." counts too.
func statesRequired(desc string, onCreate bool) bool {
	if !containsFold(desc, "required") && !(onCreate && containsFold(desc, "pecified")) {
		return false
	}
	for _, s := range sentences(desc) {
		if hasPrefixFold(s, "(required)") { // "(Required) The appId of ..."
			return true
		}
		s = strings.Trim(s, " ()*.:!")
		for _, r := range requiredSentences {
			if strings.EqualFold(s, r) {
				return true
			}
		}
		if onCreate && requiredOnCreate(s) {
			return true
		}
	}
	return false
}

// requiredOnCreate reports a sentence that makes a property required when
// the object is created: "Required on create" (accessreview.md), "This
// property is required when a user is created [and it cannot be cleared
// during updates]" (user.md, group.md), "This property must be specified
// when a group is created". docs2go generates create endpoints
// only, so this holds for every request they take; on an update page
// (v1.0/api/user-update.md repeats the phrase) it does not.
func requiredOnCreate(s string) bool {
	l := strings.ToLower(s)
	if oneOf(l, "required on create", "required on creation", "required when creating") {
		return true
	}
	rest, ok := strings.CutPrefix(l, "this property is required when a")
	if !ok {
		rest, ok = strings.CutPrefix(l, "this property must be specified when a") // group.md, user.md
	}
	if !ok {
		return false
	}
	_, after, ok := strings.Cut(rest, " is created")
	return ok && (after == "" || strings.HasPrefix(after, " and "))
}

// statesReadOnly reports whether desc says the property is read-only
// without a condition. A sentence is conditional when it opens with a
// condition ("Once set, this property is read-only", "After the directory
// role has been activated, the property is read only", "For an
// onPremisesSyncEnabled user, ... is read-only"), when "if" or "whether"
// precedes the phrase ("Indicates if the rule is read-only"), when a
// condition follows it ("Read-only when isBuiltIn is true", "Read-only for
// users synced from ..."), when the phrase qualifies another noun ("read-only
// mode", "read-only access") or when the sentence lists values ("Possible
// values are: ReadWrite, ReadOnly").
func statesReadOnly(desc string) bool {
	if !hasReadOnly(desc) {
		return false
	}
	for _, s := range sentences(desc) {
		if readOnlySentence(s) {
			return true
		}
	}
	return false
}

// readOnlyOpeners are first words of a sentence that make it a condition.
var readOnlyOpeners = []string{"when", "if", "once", "after", "unless", "until", "while", "whether", "for", "where"}

// opensWithCondition reports whether sentence s starts with one of
// readOnlyOpeners; "For example" and "For instance" open no condition
// (v1.0/resources/device.md: "For example, midnight UTC ... Read-only.").
func opensWithCondition(s string) bool {
	w, rest := firstWord(s)
	w = strings.ToLower(w)
	if w == "for" {
		next, _ := firstWord(rest)
		return !oneOf(strings.ToLower(next), "example", "instance")
	}
	return oneOf(w, readOnlyOpeners...)
}

// readOnlyFollowers are words after "read-only" that make it conditional
// or about something other than the property.
var readOnlyFollowers = []string{"when", "if", "for", "once", "unless", "after", "until", "while", "mode", "access"}

// readOnlySentence is statesReadOnly for one sentence.
func readOnlySentence(s string) bool {
	if opensWithCondition(s) || containsFold(s, "possible values") || containsFold(s, "values are") {
		return false
	}
	for from := 0; ; {
		i, j := readOnlyAt(s, from)
		if i < 0 {
			return false
		}
		before := strings.ToLower(s[:i])
		next, _ := firstWord(s[j:])
		conditional := hasWord(before, "if") || hasWord(before, "whether") ||
			oneOf(strings.ToLower(next), readOnlyFollowers...)
		if !conditional {
			return true
		}
		from = j
	}
}

// sentences splits plain text after ".", ";", "!" or "?", and any closing
// quote or parenthesis right after it, followed by a space or the end
// ('Indicates whether the item is "trending." Read-only.'), trimming each
// part.
func sentences(s string) []string {
	var out []string
	start := 0
	for i := 0; i < len(s); i++ {
		if c := s[i]; c != '.' && c != ';' && c != '!' && c != '?' {
			continue
		}
		end := i + 1
		for end < len(s) && (s[end] == '"' || s[end] == '\'' || s[end] == ')') {
			end++
		}
		if end < len(s) && !isSpace(s[end]) {
			continue
		}
		if part := strings.TrimSpace(s[start:end]); part != "" {
			out = append(out, part)
		}
		start = end
		i = end - 1
	}
	if part := strings.TrimSpace(s[start:]); part != "" {
		out = append(out, part)
	}
	return out
}

// firstWord returns the leading run of ASCII letters of s after spaces and
// punctuation, and the text after it; "" when a digit or underscore comes
// first.
func firstWord(s string) (word, rest string) {
	i := 0
	for i < len(s) && !isLetter(s[i]) {
		if isWordByte(s[i]) {
			return "", s[i:]
		}
		i++
	}
	j := i
	for j < len(s) && isLetter(s[j]) {
		j++
	}
	return s[i:j], s[j:]
}

func isLetter(c byte) bool { return 'a' <= c|0x20 && c|0x20 <= 'z' }

// hasWord reports whether the lower-case text s has w as a whole word.
func hasWord(s, w string) bool {
	for i := 0; ; {
		k := strings.Index(s[i:], w)
		if k < 0 {
			return false
		}
		k += i
		end := k + len(w)
		if (k == 0 || !isWordByte(s[k-1])) && (end == len(s) || !isWordByte(s[end])) {
			return true
		}
		i = k + 1
	}
}

package parser

import (
	"bytes"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/docs2go/docs2go/parser/ir"
)

// primitiveSpellings maps every lower-cased spelling of a primitive seen in
// the corpus to its canonical name (corpus §4: `string`, `Edm.String`,
// `int`, `Integer`, `DateTime`, `GUID`, `number`, `Object`...).
var primitiveSpellings = map[string]string{
	"string": "String", "str": "String",
	"boolean": "Boolean", "bool": "Boolean",
	"byte": "Byte", "sbyte": "SByte",
	"int16": "Int16", "short": "Int16",
	"int32": "Int32", "int": "Int32", "integer": "Int32",
	"int64": "Int64", "long": "Int64",
	"single": "Single",
	"double": "Double", "float": "Double", "number": "Double",
	"decimal":        "Decimal",
	"datetimeoffset": "DateTimeOffset", "datetime": "DateTimeOffset", "timestamp": "DateTimeOffset",
	"date":      "Date",
	"timeofday": "TimeOfDay",
	"duration":  "Duration", "timespan": "Duration",
	"guid": "Guid", "uuid": "Guid",
	"binary": "Binary",
	"stream": "Stream",
	"json":   "Json", "object": "Json",
}

// canonicalPrimitive returns the canonical name of word, or "".
func canonicalPrimitive(word string) string {
	// ASCII words, all of them in type cells, are lower-cased on the stack:
	// strings.ToLower allocates for every "String" and "Edm.Int32".
	var buf [32]byte
	if len(word) <= len(buf) && isASCII(word) {
		w := buf[:len(word)]
		for i := range w {
			w[i] = asciiLower(word[i])
		}
		return primitiveSpellings[string(bytes.TrimPrefix(w, []byte("edm.")))]
	}
	w := strings.ToLower(word) // Unicode: "İnt" is "int"
	w = strings.TrimPrefix(w, "edm.")
	return primitiveSpellings[w]
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

func asciiLower(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

var (
	collectionOfRe = regexp.MustCompile(`(?i)^collection\s*\((.*)\)$`)
	collectionPfx  = regexp.MustCompile(`(?i)^collection\s+of\s+`)
	parenRe        = regexp.MustCompile(`\([^()]*\)`)
)

// typeMarkup strips code and bold markers and backslashes from a Type
// cell; typeMarkupBytes are what it replaces starts with (it copies its
// input even when nothing matches).
var (
	typeMarkup      = strings.NewReplacer("`", "", "**", "", "\\", "")
	typeMarkupBytes = newByteSet("`*\\")
)

// parseTypeRef reads a Type cell: a primitive in any spelling, `X collection`,
// `Collection(X)`, an inline or reference-style link, an anchor, a
// qualified name, or a bare type word with extra words around it
// (`(Optional) String`, `string (timestamp)`, `alertFeedback enum`).
func parseTypeRef(raw string, pos ir.Pos, defs []ir.LinkDef) ir.TypeRef {
	tr := ir.TypeRef{Raw: raw, Pos: pos}
	s := raw
	if typeMarkupBytes.in(s) {
		s = typeMarkup.Replace(s)
	}
	s = strings.TrimSpace(s)
	s, tr.Collection = stripCollection(s)
	if ls := findLinks(s); len(ls) > 0 {
		l := ls[0]
		tr.Name = strings.TrimSpace(plainText(l.Text))
		tr.Link = l.Dest
		if l.Ref {
			tr.Link = resolveRef(l.Dest, defs)
		}
		if rest := strings.ToLower(s); !tr.Collection && strings.Contains(rest, "collection") {
			tr.Collection = true // "Collection of [x](...)" and friends
		}
		return tr
	}
	s = plainText(s)
	if strings.IndexByte(s, '(') >= 0 {
		s = strings.TrimSpace(parenRe.ReplaceAllString(s, " "))
	}
	if i := strings.IndexAny(s, ",;/"); i > 0 { // "string, maximum size 20", "string/number"
		s = s[:i]
	}
	words := typeWords(s)
	words = dropWord(words, "enum")
	if len(words) == 0 {
		return tr
	}
	tr.Name = strings.TrimPrefix(words[0], "#")
	if p := canonicalPrimitive(tr.Name); p != "" {
		tr.Name, tr.Primitive = p, true
	}
	return tr
}

// stripCollection removes the collection wrapper of s. Each (?i) regexp
// runs only where s starts or ends with "collection", which it needs
// (the word's letters fold only within ASCII, see containsFold).
func stripCollection(s string) (string, bool) {
	prefix := foldAt(s, 0, "collection")
	if prefix {
		if m := collectionOfRe.FindStringSubmatch(s); m != nil {
			return strings.TrimSpace(m[1]), true
		}
	}
	if at, ok := collectionSuffix(s); ok {
		return strings.TrimSpace(s[:at]), true
	}
	if prefix {
		if loc := collectionPfx.FindStringIndex(s); loc != nil {
			return strings.TrimSpace(s[loc[1]:]), true
		}
	}
	return s, false
}

// collectionSuffix returns where the leftmost match of
// `(?i)\s+collection(\s+collection)?$` starts in s, without the regexp,
// which has no literal to start from and so tried every byte of every Type
// cell: at the white space before the last "collection", or before the one
// before it when only white space separates the two.
func collectionSuffix(s string) (int, bool) {
	at, ok := spacedWordBefore(s, len(s))
	if !ok {
		return 0, false
	}
	if earlier, ok := spacedWordBefore(s, at); ok {
		return earlier, true
	}
	return at, true
}

// spacedWordBefore reports whether s[:end] ends with white space and then
// "collection" (any case), and returns where that white space starts.
func spacedWordBefore(s string, end int) (int, bool) {
	w := end - len("collection")
	if w < 1 || !foldAt(s, w, "collection") || !isSpace(s[w-1]) {
		return 0, false
	}
	for w > 0 && isSpace(s[w-1]) {
		w--
	}
	return w, true
}

// resolveRef returns the destination of a reference label, "" when the
// page does not define it.
func resolveRef(label string, defs []ir.LinkDef) string {
	l := strings.ToLower(strings.TrimSpace(label))
	for _, d := range defs {
		if d.Label == l {
			return d.Destination
		}
	}
	return ""
}

func dropWord(words []string, w string) []string {
	out := words[:0]
	for _, x := range words {
		if !strings.EqualFold(x, w) || len(words) == 1 {
			out = append(out, x)
		}
	}
	return out
}

// typeWords is typeWordRe.FindAllString(s, -1) without the regexp (issue 6
// profile: a tenth of the property parse). Its classes are ASCII, so a
// byte scan finds the same words (TestTypeWordsRegexp).
func typeWords(s string) []string {
	var words []string
	for i := 0; i < len(s); {
		c := s[i]
		if !(c == '_' || 'a' <= c|0x20 && c|0x20 <= 'z') {
			i++
			continue
		}
		j := i + 1
		for j < len(s) && (s[j] == '_' || s[j] == '.' || isDigit(s[j]) || 'a' <= s[j]|0x20 && s[j]|0x20 <= 'z') {
			j++
		}
		words = append(words, s[i:j])
		i = j
	}
	return words
}

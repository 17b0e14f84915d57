package jsontree

import "strings"

// Blank replaces // comments (47 resource blocks of the corpus), trailing
// commas (10) and stray fence lines outside strings with spaces, keeping
// offsets. Most bodies have none: the text is copied only at the first
// change.
func Blank(text string) string {
	var b []byte
	blank := func(from, to int) {
		if b == nil {
			b = []byte(text)
		}
		for k := from; k < to; k++ {
			b[k] = ' '
		}
	}
	inStr := false
	for i := 0; i < len(text); i++ {
		c := text[i]
		switch {
		case inStr:
			if c == '\\' {
				i++
			} else if c == '"' {
				inStr = false
			}
		case c == '"':
			inStr = true
		case c == '`' && (i == 0 || text[i-1] == '\n') && strings.HasPrefix(text[i:], "```"),
			c == '/' && i+1 < len(text) && text[i+1] == '/':
			// A // comment, or a stray fence line inside the body (beta
			// dynamics-create-*.md open a second ```json fence inside the
			// http one): blank up to the end of the line.
			end := i + lineLen(text[i:])
			blank(i, end)
			i = end
		case c == ',':
			if next := nextNonSpace(text, i+1); next < len(text) && (text[next] == '}' || text[next] == ']') {
				blank(i, i+1)
			}
		}
	}
	if b == nil {
		return text
	}
	return string(b)
}

// lineLen is the length of s up to its first newline.
func lineLen(s string) int {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return i
	}
	return len(s)
}

// nextNonSpace returns the offset of the first byte at or after i that is
// not JSON white space, len(s) when there is none. (strings.TrimLeft with
// a cutset builds the cutset's byte set at every comma.)
func nextNonSpace(s string, i int) int {
	for i < len(s) && (s[i] == ' ' || s[i] == '\t' || s[i] == '\r' || s[i] == '\n') {
		i++
	}
	return i
}

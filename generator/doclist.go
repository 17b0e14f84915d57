package generator

import "strings"

// docParagraph wraps one paragraph of a doc comment. The parser gives the
// items of a list that ends a description as "\n- item" lines ("This
// resource supports:\n- Adding your own data ..."); they become a gofmt
// doc comment list ("  - item", continuation lines indented by four), so
// that go doc shows them as a list after the paragraph's colon.
// A description holding several paragraphs separates them with "\n\n".
func docParagraph(p string) []string {
	if first, rest, ok := strings.Cut(p, "\n\n"); ok {
		return append(append(docParagraph(first), ""), docParagraph(rest)...)
	}
	text, items, _ := strings.Cut(p, "\n- ")
	var out []string
	if strings.TrimSpace(text) != "" {
		out = wrap(endSentence(text), 100)
	}
	if items == "" {
		return out
	}
	for item := range strings.SplitSeq(items, "\n- ") {
		for i, l := range wrap(item, 96) {
			if i == 0 {
				out = append(out, "  - "+l)
			} else {
				out = append(out, "    "+l)
			}
		}
	}
	return out
}

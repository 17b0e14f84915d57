package generator

import (
	"fmt"
	doccomment "go/doc/comment"
	"go/format"
	"strings"
	"testing"
)

// TestDocCommentList renders a description that ends in a list, as the
// parser gives it for v1.0/resources/user.md, checks gofmt leaves the
// comment as it is, and that go doc reads the items as a list.
func TestDocCommentList(t *testing.T) {
	desc := "Represents an Azure AD user account. Inherits from directoryObject. This resource supports:" +
		"\n- Adding your own data to custom properties as extensions." +
		"\n- Subscribing to change notifications." +
		"\n- Using delta query to track incremental additions, deletions, and updates, by providing a delta function" +
		" that is long enough to wrap onto a second line of the comment."
	src := fmt.Sprintf("package p\n\n%#v\ntype User struct{}\n", commentLines("User is the type microsoft.graph.user.", desc, "Source: x.md:1."))
	out, err := format.Source([]byte(src))
	if err != nil {
		t.Fatalf("format: %v\n%s", err, src)
	}
	if string(out) != src {
		t.Errorf("gofmt changes the comment:\n%s\nto\n%s", src, out)
	}
	var text []string
	for l := range strings.SplitSeq(src, "\n") {
		if c, ok := strings.CutPrefix(l, "//"); ok {
			text = append(text, strings.TrimPrefix(c, " "))
		}
	}
	doc := new(doccomment.Parser).Parse(strings.Join(text, "\n"))
	var list *doccomment.List
	for _, b := range doc.Content {
		if l, ok := b.(*doccomment.List); ok {
			list = l
		}
	}
	if list == nil || len(list.Items) != 3 {
		t.Fatalf("go doc reads no 3-item list in:\n%s", src)
	}
	if !strings.Contains(src, "// Represents an Azure AD user account. Inherits from directoryObject. This resource supports:\n//   - Adding") {
		t.Errorf("the list does not follow its colon:\n%s", src)
	}
}

// TestDocParagraphPlain: a paragraph without items wraps as before.
func TestDocParagraphPlain(t *testing.T) {
	if got := docParagraph("Malware category id"); len(got) != 1 || got[0] != "Malware category id." {
		t.Errorf("docParagraph = %q", got)
	}
}

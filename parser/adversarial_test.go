package parser

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/docs2go/docs2go/internal/cputime"
	"github.com/docs2go/docs2go/parser/ir"
)

// adversarialCase is one hostile page of issue 7 with its cost bounds.
type adversarialCase struct {
	name string
	src  func() []byte
	want string // a diagnostic code the page must produce, "" for none
}

// adversarialCases are built at test time (some are 10 MiB).
var adversarialCases = []adversarialCase{
	{"huge-table", hugeTable, ""},
	{"nested-json-example", nestedJSONExample, ""},
	{"10mib-line", func() []byte { return bytes.Repeat([]byte("abcdefgh"), 10<<17) }, ""},
	{"10mib-line-markup", func() []byte { return bytes.Repeat([]byte("*a [b](c) `d` <e> &f; _g"), 10<<20/24) }, ""},
	{"binary-garbage", func() []byte { return randomBytes(1, 1<<20) }, ""},
	{"invalid-utf8", func() []byte {
		return bytes.Repeat([]byte("# T\xff\xfe\n| \xc3 | \xe2\x82 |\n|---|---|\n| \xed\xa0\x80 | \xf4\x90 |\n"), 1<<14)
	}, ""},
	{"bom-crlf", func() []byte {
		return append([]byte("\xef\xbb\xbf---\r\ndoc_type: apiPageType\r\n---\r\n"), bytes.Repeat([]byte("## HTTP request\r\n```http\r\nPOST /x\r\n```\r\n"), 1<<14)...)
	}, ""},
	{"bom-only", func() []byte { return []byte("\xef\xbb\xbf") }, ""},
	{"unclosed-fence", func() []byte {
		return append([]byte("# T\n```http\nPOST /x\n\n"), bytes.Repeat([]byte("{\"a\": 1,\n"), 1<<16)...)
	}, "unclosed-fence"},
	{"unclosed-front-matter", func() []byte { return append([]byte("---\n"), bytes.Repeat([]byte("title: x\n"), 1<<16)...) }, "front-matter"},
	{"unclosed-quoted-front-matter", func() []byte { return append([]byte("---\ntitle: \"\n"), bytes.Repeat([]byte("a\n"), 1<<19)...) }, "front-matter"},
	{"unclosed-comment", func() []byte {
		return append([]byte("# T\n<!-- {\n"), bytes.Repeat([]byte("```http\nPOST /x\n```\n"), 1<<15)...)
	}, "unclosed-comment"},
	{"nul-bytes", func() []byte {
		return append([]byte("# T\x00\n\x00\x00\n```http\x00\nPOST /\x00\n```\n"), make([]byte, 1<<20)...)
	}, ""},
	{"nested-blockquotes", func() []byte { return bytes.Repeat([]byte(">"), 1<<20) }, "nesting-too-deep"},
	{"nested-lists", func() []byte { return bytes.Repeat([]byte("1. "), 1<<18) }, "nesting-too-deep"},
	{"indented-lists", indentedLists, "nesting-too-deep"},
	{"link-definitions", func() []byte { return bytes.Repeat([]byte("[a]: b\n"), 1<<17) }, ""},
	{"padded-rows", func() []byte {
		return append([]byte(strings.Repeat("|a", 64)+"\n"+strings.Repeat("|-", 64)+"\n"), bytes.Repeat([]byte("|\n"), 1<<19)...)
	}, ""},
	{"escaped-pipes-in-code", func() []byte {
		return append([]byte("|a|b|\n|-|-|\n"), bytes.Repeat([]byte("|`a\\|b`|c|\n"), 1<<16)...)
	}, ""},
	{"nested-annotation", func() []byte {
		return append([]byte("<!-- {\"a\":"), append(bytes.Repeat([]byte("["), 10<<20), " -->\n"...)...)
	}, "invalid-annotation"},
	{"emphasis", func() []byte { return bytes.Repeat([]byte("*a _b "), 1<<18) }, ""},
	{"brackets", func() []byte { return bytes.Repeat([]byte("!["), 1<<19) }, ""},
	{"unclosed-inherited-from", func() []byte { // hand-written matchers: one scan for "]", not one per "["
		return fmt.Appendf(nil, "# x\n## Properties\n| Property | Type | Description |\n|--|--|--|\n| a | String | %s |\n",
			strings.Repeat("inherited from [", 1<<16))
	}, ""},
	{"unclosed-links", func() []byte {
		return fmt.Appendf(nil, "# x\n\n%s\n\n%s\n", strings.Repeat("[a](b", 1<<17), strings.Repeat("[a]( \"", 1<<17))
	}, ""},
	{"spaces-in-request-line", func() []byte {
		return fmt.Appendf(nil, "# x\n## HTTP request\n```http\nGET /a%sb\n```\n", strings.Repeat(" ", 1<<20))
	}, ""},
}

func hugeTable() []byte {
	var b bytes.Buffer
	b.WriteString("# x resource type\n\n## Properties\n\n| Property | Type | Description |\n|:--|:--|:--|\n")
	for i := range 50000 {
		fmt.Fprintf(&b, "| prop%d | [t%d](../resources/t.md) collection | The thing %d. Read-only. |\n", i, i, i)
	}
	return b.Bytes()
}

func nestedJSONExample() []byte {
	const depth = 100000
	var b bytes.Buffer
	b.WriteString("# T\n\n## HTTP request\n```http\nPOST /x\n```\n\n## Example\n```http\nPOST https://graph.microsoft.com/v1.0/x\nContent-type: application/json\n\n")
	b.WriteString(strings.Repeat(`{"a":[`, depth))
	b.WriteString(strings.Repeat(`]}`, depth))
	b.WriteString("\n```\n```http\nHTTP/1.1 201 Created\n\n")
	b.WriteString(strings.Repeat("[", depth))
	b.WriteString("\n```\n")
	return b.Bytes()
}

func indentedLists() []byte {
	var b bytes.Buffer
	for i := 0; b.Len() < 1<<20; i++ {
		b.WriteString(strings.Repeat(" ", 2*(i%3000)) + "- a\n")
	}
	return b.Bytes()
}

func randomBytes(seed uint64, n int) []byte {
	r := rand.New(rand.NewPCG(seed, seed))
	b := make([]byte, n)
	for i := range b {
		b[i] = byte(r.Uint32())
	}
	return b
}

// TestAdversarial parses each hostile page once, within 2 s of CPU time
// per MiB (the parser's own thread: wall time failed on a loaded machine)
// and a memory bound, with the fuzz invariants.
func TestAdversarial(t *testing.T) {
	for _, c := range adversarialCases {
		t.Run(c.name, func(t *testing.T) {
			src := c.src()
			runtime.GC()
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			var page *ir.Page
			var diags ir.Diagnostics
			el := cputime.Thread(func() { page, diags = ParsePage("adv.md", src) })
			runtime.GC()
			runtime.ReadMemStats(&after)
			n := uint64(len(src))
			allocated := after.TotalAlloc - before.TotalAlloc
			retained := int64(after.HeapAlloc) - int64(before.HeapAlloc)
			t.Logf("%d bytes: %v, allocated %d MiB (%.0fx), retained %d MiB, %d diagnostics",
				n, el, allocated>>20, float64(allocated)/float64(max(n, 1)), retained>>20, len(diags))
			if raceDetector {
				t.Log("time and memory not bounded under -race")
			} else {
				checkBounds(t, src, el, allocated, retained)
			}
			runtime.KeepAlive(page)
			if c.want != "" && !hasCode(diags, ir.Code(c.want)) {
				t.Errorf("no %q diagnostic", c.want)
			}
			if testing.Short() || len(src) > 2<<20 {
				return // the invariant checks re-parse; skip for the biggest inputs
			}
			checkParse(t, src)
		})
	}
}

// checkBounds fails t when parsing src took longer than its budget or
// allocated or retained more than linear in its size.
func checkBounds(t *testing.T, src []byte, el time.Duration, allocated uint64, retained int64) {
	t.Helper()
	n := uint64(len(src))
	if budget := timeBudget(len(src)) + time.Second; el > budget {
		t.Errorf("took %v of CPU time, budget %v", el, budget)
	}
	// Retained: the page and its diagnostics. Allocated bounds the
	// peak: linear in bytes and lines, as goldmark makes a node per
	// line (a page of 2-byte "|" table rows costs ~900 bytes a row,
	// a diagnostic included) and ~60x the bytes on a 50k-row table.
	if limit := int64(50*n + 64<<20); retained > limit {
		t.Errorf("retained %d MiB, limit %d MiB", retained>>20, limit>>20)
	}
	lines := uint64(bytes.Count(src, []byte("\n")) + 1)
	if limit := 100*n + 1024*lines + 64<<20; allocated > limit {
		t.Errorf("allocated %d MiB, limit %d MiB", allocated>>20, limit>>20)
	}
}

func hasCode(ds []ir.Diagnostic, code ir.Code) bool {
	for _, d := range ds {
		if d.Code == code {
			return true
		}
	}
	return false
}

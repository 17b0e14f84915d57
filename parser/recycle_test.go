package parser

import (
	"fmt"
	"strings"
	"testing"

	gast "github.com/yuin/goldmark/ast"
	gparser "github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// goldmarkBlocks is blockParser with goldmark's own block parsers, to hold
// the recycling ones to: same transformer, inlines skipped.
var goldmarkBlocks = gparser.NewParser(
	gparser.WithBlockParsers(gparser.DefaultBlockParsers()...),
	gparser.WithInlineParsers(util.Prioritized(skipInlines{}, 0)),
	gparser.WithParagraphTransformers(util.Prioritized(tableTransformer{}, 200)),
)

// recycledSeeds are block shapes the recycling parsers touch: ATX heading
// edge cases (closing sequences, empty headings, a "#" without a newline),
// setext headings over paragraphs, tight lists (their paragraphs become
// text blocks), tables, code and HTML blocks.
var recycledSeeds = []string{
	"#", "# ", "#\n", "##", "####### seven\n", "#5 bolt\n", "#\tTab\n", "# # #\n", "### ###\n", "## ##  \n",
	"# Title #\n", "# Title#\n", "# Title \\#\n", "## Title ##   \n", "#  Title  ##  #\n", "   ### Indented\n",
	"    # code\n", "> # quoted\n> ## two ##\n", "- # item\n- ## item #\n", "# \r\n", "## x\r\n", "#\t#\n",
	"Title\n===\n\npara\n---\n", "a\nb\n---\nc\n", "- a\n- b\n\n- c\n", "- a\n- b\n", "1. x\n   y\n2. z\n",
	"| a | b |\n|---|---|\n| 1 | 2 |\ntext\n", "text\n| a | b |\n|--|--|\n", "```json\n{}\n```\n", "```\nopen\n",
	"<!-- {\n \"a\": 1\n} -->\n\ntext\n", "<div>\nx\n</div>\n", "    code\n    more\n\n    again\n",
	"> a\nlazy\n> b\n", "- a\n\n  para\n\n      code\n", "para\n# heading\npara\n",
}

// TestRecycledTree parses the seeds, the golden pages and corpus pages
// with blockParser, one recycler going from page to page as in a worker,
// and checks every block tree against goldmarkBlocks'.
func TestRecycledTree(t *testing.T) {
	var pages []benchSource
	for i, s := range recycledSeeds {
		pages = append(pages, benchSource{fmt.Sprintf("seed-%d", i), []byte(s)})
	}
	pages = append(pages, goldenPages(t)...)
	n := 2000
	if testing.Short() {
		n = 200
	}
	for i, data := range corpusPages(t, n) { // none when the corpus is absent
		pages = append(pages, benchSource{fmt.Sprintf("corpus-%d", i), data})
	}
	var r recycler
	for pass := range 2 { // the second pass gets the arrays and nodes of the first
		for _, p := range pages {
			want := dumpTree(goldmarkBlocks.Parse(text.NewReader(p.data)), p.data)
			pc := gparser.NewContext()
			pc.Set(recyclerKey, &r)
			got := dumpTree(blockParser.Parse(text.NewReader(p.data), gparser.WithContext(pc)), p.data)
			r.reclaim()
			if got != want {
				t.Fatalf("pass %d, %s: tree\n%s\nwant\n%s", pass, p.name, got, want)
			}
		}
	}
	if r.paras.nodes == nil || r.headings.nodes == nil || r.free == nil {
		t.Errorf("nothing was recycled: %d paragraphs, %d headings, %d arrays", len(r.paras.nodes), len(r.headings.nodes), len(r.free))
	}
}

// TestRecycledBlocks checks that recycledBlocks replaced the five parsers
// it means to and kept goldmark's order.
func TestRecycledBlocks(t *testing.T) {
	var kinds []string
	for _, p := range recycledBlocks() {
		kinds = append(kinds, fmt.Sprintf("%d:%T", p.Priority, p.Value))
	}
	got := strings.Join(kinds, " ")
	for _, want := range []string{"600:parser.atxHeadings", "700:parser.recycling", "500:parser.recycling",
		"900:parser.recycling", "1000:parser.paragraphs"} {
		if !strings.Contains(got, want) {
			t.Errorf("recycledBlocks = %s, want %s among them", got, want)
		}
	}
	if n := len(gparser.DefaultBlockParsers()); len(kinds) != n {
		t.Errorf("recycledBlocks has %d parsers, goldmark %d", len(kinds), n)
	}
}

// dumpTree writes what the walk reads of every block: kind, position,
// lines, and the fields of the kinds that have some.
func dumpTree(doc gast.Node, src []byte) string {
	var b strings.Builder
	_ = gast.Walk(doc, func(n gast.Node, entering bool) (gast.WalkStatus, error) {
		if !entering {
			return gast.WalkContinue, nil
		}
		depth := 0
		for p := n.Parent(); p != nil; p = p.Parent() {
			depth++
		}
		fmt.Fprintf(&b, "%s%s@%d", strings.Repeat(" ", depth), n.Kind(), n.Pos())
		if n.Type() != gast.TypeInline {
			fmt.Fprintf(&b, " blank=%v", n.HasBlankPreviousLines())
			lines := n.Lines()
			for i := 0; i < lines.Len(); i++ {
				fmt.Fprintf(&b, " %+v", lines.At(i))
			}
		}
		switch n := n.(type) {
		case *gast.Heading:
			fmt.Fprintf(&b, " level=%d", n.Level)
		case *gast.List:
			fmt.Fprintf(&b, " marker=%c tight=%v start=%d", n.Marker, n.IsTight, n.Start)
		case *gast.FencedCodeBlock:
			if n.Info != nil {
				fmt.Fprintf(&b, " info=%+v", n.Info.Segment)
			}
		case *gast.HTMLBlock:
			fmt.Fprintf(&b, " html=%d closure=%v %+v", n.HTMLBlockType, n.HasClosure(), n.ClosureLine)
		case *tableBlock:
			fmt.Fprintf(&b, " cols=%d header=%+v body=%+v", n.cols, n.header, n.body)
		case *gast.Text:
			fmt.Fprintf(&b, " %+v", n.Segment)
		}
		b.WriteByte('\n')
		return gast.WalkContinue, nil
	})
	return b.String()
}

// TestRecyclerBounds parses pages of many paragraphs, of one long
// paragraph and of many code blocks with one recycler: what it keeps
// for the next page stays within maxRecycled nodes and arrays of at most
// maxRecycledLines lines each.
func TestRecyclerBounds(t *testing.T) {
	pages := []string{
		strings.Repeat("para\n\n", 3*maxRecycled),
		strings.Repeat("line\n", 3*maxRecycledLines),
		strings.Repeat("```\ncode\n```\n", 3*maxRecycled),
		strings.Repeat("```\n", 1) + strings.Repeat("code\n", 3*maxRecycledLines) + "```\n",
	}
	var r recycler
	for _, src := range pages {
		pc := gparser.NewContext()
		pc.Set(recyclerKey, &r)
		blockParser.Parse(text.NewReader([]byte(src)), gparser.WithContext(pc))
		r.reclaim()
		if n := len(r.paras.nodes); n > maxRecycled {
			t.Errorf("%d paragraphs kept", n)
		}
		if n := len(r.free); n > maxRecycled {
			t.Errorf("%d line arrays kept", n)
		}
		for _, segs := range r.free {
			if c := cap(segs.Sliced(0, 0)); c > maxRecycledLines {
				t.Errorf("a line array of %d lines kept", c)
			}
		}
		for _, n := range r.paras.nodes {
			if c := cap(n.Lines().Sliced(0, 0)); c > maxRecycledLines || n.Lines().Len() > 0 {
				t.Errorf("a paragraph keeps %d lines of %d", n.Lines().Len(), c)
			}
		}
	}
}

package parser

import (
	gast "github.com/yuin/goldmark/ast"
	gparser "github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// blockParser builds the block tree only. The parser reads every fact from
// raw segments and never looks at inline nodes, so goldmark's inline
// parsers are replaced by skipInlines: its emphasis, link and code-span
// parsing cost up to 150 MiB and seconds on a hostile 1 MiB page ("*a " or
// "[" repeated) for nothing. Block structure does not depend on inlines
// (CommonMark §3).
//
// goldmark's link reference definition transformer is left out too: it is
// quadratic in the definitions of one paragraph (150k "[a]: b" lines ran
// for minutes), and scanLinkDefs reads them anyway; definition-only
// paragraphs are skipped in paragraph. Leaving both out changes nothing on
// the 8,676 corpus pages (compared page by page, issue 7). The block
// parsers are goldmark's, some wrapped to recycle nodes and line arrays
// (recycle.go). Parsers are safe for concurrent use.
var blockParser = gparser.NewParser(
	gparser.WithBlockParsers(recycledBlocks()...),
	gparser.WithInlineParsers(util.Prioritized(skipInlines{}, 0)),
	gparser.WithParagraphTransformers(util.Prioritized(tableTransformer{}, 200)),
)

// skipInlines cuts goldmark's inline pass short. Even without inline
// parsers, that pass runs over every line of every paragraph and heading
// after the block parse, byte by byte, and makes a Text node per line:
// a fifth of the parse's time and allocations for nodes nobody reads.
// goldmark offers the first byte of a block to the inline parsers
// registered for it (' ' standing for any byte that is not punctuation);
// skipInlines takes every such byte, consumes the whole block and hands
// back the one placeholder node of the parse. The placeholder moves from
// block to block (AppendChild detaches it) and ends under the last one.
type skipInlines struct{}

// inlineTriggers are ' ' and every byte goldmark counts as punctuation.
var inlineTriggers = func() []byte {
	t := []byte{' '}
	for c := range 256 {
		if util.IsPunct(byte(c)) {
			t = append(t, byte(c))
		}
	}
	return t
}()

// placeholderKey holds the parse's placeholder node in its context.
var placeholderKey = gparser.NewContextKey()

// Trigger implements gparser.InlineParser.
func (skipInlines) Trigger() []byte { return inlineTriggers }

// Parse implements gparser.InlineParser.
func (skipInlines) Parse(_ gast.Node, block text.Reader, pc gparser.Context) gast.Node {
	for {
		if line, _ := block.PeekLine(); line == nil {
			break
		}
		block.AdvanceLine()
	}
	n, _ := pc.Get(placeholderKey).(gast.Node)
	if n == nil {
		n = gast.NewText()
		pc.Set(placeholderKey, n)
	}
	return n
}

var _ gparser.InlineParser = skipInlines{}

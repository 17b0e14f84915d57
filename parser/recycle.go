package parser

import (
	gast "github.com/yuin/goldmark/ast"
	gparser "github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// goldmark appends every line of a paragraph, fenced or indented code block
// and HTML block to a slice of the block's own, grown by doubling: a fifth
// of the parse's allocations (a 500-row table is a 500-line paragraph
// first). lineRecycler hands those blocks the line arrays of the previous
// page's blocks instead, so that after the first pages of a worker they
// rarely grow. Each block still owns its array for the whole parse (one
// leaf block has lines appended at a time, but a tight list or a setext
// heading takes a paragraph's lines over), and the arrays go back only
// once the page is read.
//
// Paragraphs, two thirds of the blocks, are recycled whole: a paragraph
// node keeps its array from page to page.
type lineRecycler struct {
	free  []text.Segments // empty, with the capacity a block left them
	given []gast.Node     // the blocks of this parse holding an array of free
	paras []*gast.Paragraph
	used  int // paras given to this parse
}

// maxRecycled bounds the arrays and paragraphs a recycler keeps: a hostile
// page of a million one-line paragraphs should not pin them for the next
// pages.
const maxRecycled = 4096

// recyclerKey holds the parse's *lineRecycler in its goldmark context.
var recyclerKey = gparser.NewContextKey()

// adopt moves n's lines (none or the one its Open read) into a recycled
// array.
func (r *lineRecycler) adopt(n gast.Node) {
	var segs text.Segments
	if k := len(r.free); k > 0 {
		segs, r.free = r.free[k-1], r.free[:k-1]
	}
	lines := n.Lines()
	segs.AppendAll(lines.Sliced(0, lines.Len()))
	n.SetLines(&segs)
	r.given = append(r.given, n)
}

// paragraph returns an empty paragraph for the parse.
func (r *lineRecycler) paragraph() *gast.Paragraph {
	if r.used == len(r.paras) {
		r.paras = append(r.paras, gast.NewParagraph())
	}
	r.used++
	return r.paras[r.used-1]
}

// reclaim takes back the arrays of the blocks of the parse that ended,
// whatever became of the blocks, and empties its paragraphs. A block holds
// the array it was given or one goldmark replaced it with, grown or not;
// either is its own.
func (r *lineRecycler) reclaim() {
	for _, n := range r.paras[:r.used] {
		segs := *n.Lines()
		segs.SetSliced(0, 0)
		*n = gast.Paragraph{} // no link to the page's other nodes
		n.SetLines(&segs)
	}
	if len(r.paras) > maxRecycled {
		clear(r.paras[maxRecycled:])
		r.paras = r.paras[:maxRecycled]
	}
	r.used = 0
	for i := len(r.given) - 1; i >= 0; i-- { // the next page pops them in block order
		segs := *r.given[i].Lines()
		r.given[i] = nil
		if c := cap(segs.Sliced(0, 0)); c == 0 || c > maxPooled || len(r.free) >= maxRecycled {
			continue // nothing to reuse, or too much to keep
		}
		segs.SetSliced(0, 0)
		r.free = append(r.free, segs)
	}
	r.given = r.given[:0]
}

// recycling wraps one of goldmark's block parsers: the blocks it opens get
// recycled line arrays when the parse context holds a lineRecycler.
type recycling struct{ gparser.BlockParser }

// Open implements gparser.BlockParser.
func (b recycling) Open(parent gast.Node, reader text.Reader, pc gparser.Context) (gast.Node, gparser.State) {
	n, st := b.BlockParser.Open(parent, reader, pc)
	if r, ok := pc.Get(recyclerKey).(*lineRecycler); ok && n != nil {
		r.adopt(n)
	}
	return n, st
}

// paragraphs is goldmark's paragraph parser (parser/paragraph.go) with
// its Open taking the paragraph from the parse's lineRecycler.
type paragraphs struct{ gparser.BlockParser }

// Open implements gparser.BlockParser.
func (b paragraphs) Open(parent gast.Node, reader text.Reader, pc gparser.Context) (gast.Node, gparser.State) {
	r, ok := pc.Get(recyclerKey).(*lineRecycler)
	if !ok {
		return b.BlockParser.Open(parent, reader, pc)
	}
	line, segment := reader.PeekLine()
	if util.IsBlank(line) {
		return nil, gparser.NoChildren
	}
	node := r.paragraph()
	node.Lines().Append(segment)
	reader.AdvanceToEOL()
	return node, gparser.NoChildren
}

// recycledBlocks are goldmark's default block parsers, those that append
// lines one by one wrapped by recycling.
func recycledBlocks() []util.PrioritizedValue {
	lined := []gparser.BlockParser{gparser.NewFencedCodeBlockParser(), gparser.NewHTMLBlockParser(), gparser.NewCodeBlockParser()}
	ps := gparser.DefaultBlockParsers()
	for i, p := range ps {
		for _, l := range lined {
			if p.Value == l {
				ps[i].Value = recycling{l}
			}
		}
		if p.Value == gparser.NewParagraphParser() {
			ps[i].Value = paragraphs{p.Value.(gparser.BlockParser)}
		}
	}
	return ps
}

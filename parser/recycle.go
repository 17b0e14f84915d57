package parser

import (
	gast "github.com/yuin/goldmark/ast"
	gparser "github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// goldmark allocates every block node, and appends every line of a
// paragraph, fenced or indented code block and HTML block to a slice of
// the block's own, grown by doubling: together half of the parse's
// allocations (a 500-row table is a 500-line paragraph first). A page's
// block tree is dropped once the page is read, so a recycler hands the
// next page of the same worker what it held:
//   - paragraphs and headings (four blocks in five) are recycled whole,
//     emptied but for the capacity of their line array;
//   - code and HTML blocks get the line arrays of the previous page's.
//
// Each block owns its array for the whole parse (one leaf block has lines
// appended at a time, but a tight list or a setext heading takes a
// paragraph's lines over, so arrays go back only once the page is read).
// TestRecycledTree compares the trees with goldmark's own.
type recycler struct {
	free     []text.Segments // empty, with the capacity a block left them
	given    []gast.Node     // the blocks of this parse holding an array of free
	paras    nodePool[gast.Paragraph, *gast.Paragraph]
	headings nodePool[gast.Heading, *gast.Heading]
}

// maxRecycled bounds the arrays and nodes of each kind a recycler keeps,
// and maxRecycledLines the capacity of an array it keeps (the largest
// tables have about 500 rows): a hostile page of a million paragraphs, or
// of one paragraph of a million lines, should not pin them for the next
// pages.
const (
	maxRecycled      = 1024
	maxRecycledLines = 1024
)

// recyclerKey holds the parse's *recycler in its goldmark context.
var recyclerKey = gparser.NewContextKey()

// adopt moves n's lines (none or the one its Open read) into a recycled
// array.
func (r *recycler) adopt(n gast.Node) {
	var segs text.Segments
	if k := len(r.free); k > 0 {
		segs, r.free = r.free[k-1], r.free[:k-1]
	}
	lines := n.Lines()
	segs.AppendAll(lines.Sliced(0, lines.Len()))
	n.SetLines(&segs)
	r.given = append(r.given, n)
}

// reclaim takes back the arrays and nodes of the parse that ended,
// whatever became of the blocks. A block holds the array it was given or
// one goldmark replaced it with, grown or not; either is its own.
func (r *recycler) reclaim() {
	for i := len(r.given) - 1; i >= 0; i-- { // the next page pops them in block order
		segs := *r.given[i].Lines()
		r.given[i] = nil
		if cap(segs.Sliced(0, 0)) == 0 || len(r.free) >= maxRecycled {
			continue // nothing to reuse, or enough kept
		}
		if segs, ok := emptied(segs); ok {
			r.free = append(r.free, segs)
		}
	}
	r.given = r.given[:0]
	if cap(r.given) > maxPooled {
		r.given = nil
	}
	r.paras.reclaim()
	r.headings.reclaim()
}

// emptied returns segs without its segments, with its capacity unless that
// is beyond maxRecycledLines (ok false: nothing left to reuse).
func emptied(segs text.Segments) (text.Segments, bool) {
	if cap(segs.Sliced(0, 0)) > maxRecycledLines {
		return text.Segments{}, false
	}
	segs.SetSliced(0, 0)
	return segs, true
}

// nodePool holds the nodes of one kind a recycler gives out; N is *T.
type nodePool[T any, N interface {
	*T
	gast.Node
}] struct {
	nodes []N
	used  int // nodes given to this parse
}

// get returns an empty node.
func (p *nodePool[T, N]) get() N {
	if p.used == len(p.nodes) {
		p.nodes = append(p.nodes, new(T))
	}
	p.used++
	return p.nodes[p.used-1]
}

// reclaim empties the nodes given out, but for their line arrays, which
// lose no link to the page's other nodes.
func (p *nodePool[T, N]) reclaim() {
	var empty T
	for _, n := range p.nodes[:p.used] {
		segs, _ := emptied(*n.Lines())
		*n = empty
		n.SetLines(&segs)
	}
	if len(p.nodes) > maxRecycled {
		clear(p.nodes[maxRecycled:])
		p.nodes = p.nodes[:maxRecycled]
	}
	p.used = 0
}

// recycling wraps one of goldmark's block parsers: the blocks it opens get
// recycled line arrays when the parse context holds a recycler.
type recycling struct{ gparser.BlockParser }

// Open implements gparser.BlockParser.
func (b recycling) Open(parent gast.Node, reader text.Reader, pc gparser.Context) (gast.Node, gparser.State) {
	n, st := b.BlockParser.Open(parent, reader, pc)
	if r, ok := pc.Get(recyclerKey).(*recycler); ok && n != nil {
		r.adopt(n)
	}
	return n, st
}

// paragraphs is goldmark's paragraph parser with an Open that takes the
// paragraph from the parse's recycler.
type paragraphs struct{ gparser.BlockParser }

// Open implements gparser.BlockParser: a paragraph starts at any line that
// is not blank.
func (b paragraphs) Open(parent gast.Node, reader text.Reader, pc gparser.Context) (gast.Node, gparser.State) {
	r, ok := pc.Get(recyclerKey).(*recycler)
	if !ok {
		return b.BlockParser.Open(parent, reader, pc)
	}
	line, segment := reader.PeekLine()
	if util.IsBlank(line) {
		return nil, gparser.NoChildren
	}
	node := r.paras.get()
	node.Lines().Append(segment)
	reader.AdvanceToEOL()
	return node, gparser.NoChildren
}

// recycledBlocks are goldmark's default block parsers, with the paragraph
// and ATX heading parsers recycling their nodes and those that append
// lines one by one wrapped by recycling.
func recycledBlocks() []util.PrioritizedValue {
	lined := []gparser.BlockParser{gparser.NewFencedCodeBlockParser(), gparser.NewHTMLBlockParser(), gparser.NewCodeBlockParser()}
	ps := gparser.DefaultBlockParsers()
	for i, p := range ps {
		bp := p.Value.(gparser.BlockParser)
		switch {
		case bp == gparser.NewParagraphParser():
			ps[i].Value = paragraphs{bp}
		case string(bp.Trigger()) == "#": // the ATX heading parser, made anew by each call
			ps[i].Value = atxHeadings{bp}
		}
		for _, l := range lined {
			if bp == l {
				ps[i].Value = recycling{bp}
			}
		}
	}
	return ps
}

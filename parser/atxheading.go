package parser

import (
	gast "github.com/yuin/goldmark/ast"
	gparser "github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// atxHeadings is goldmark's ATX heading parser ("## Title ##") with an Open
// that takes the heading from the parse's recycler. Open reads the line
// as goldmark's does (without heading attributes, which blockParser does
// not enable), quirks included; TestRecycledTree holds the two to the same
// trees.
type atxHeadings struct{ gparser.BlockParser }

// Open implements gparser.BlockParser.
func (b atxHeadings) Open(parent gast.Node, reader text.Reader, pc gparser.Context) (gast.Node, gparser.State) {
	r, ok := pc.Get(recyclerKey).(*recycler)
	at := pc.BlockOffset()
	if !ok || at < 0 {
		return b.BlockParser.Open(parent, reader, pc)
	}
	line, seg := reader.PeekLine()
	end := at // of the opening '#'s
	for end < len(line) && line[end] == '#' {
		end++
	}
	level := end - at
	if level == 0 || level > 6 {
		return nil, gparser.NoChildren
	}
	heading := func() *gast.Heading {
		h := r.headings.get()
		h.Level = level
		return h
	}
	if end == len(line) { // "#" ends the text; goldmark leaves the reader on it
		return heading(), gparser.NoChildren
	}
	gap := util.TrimLeftSpaceLength(line[end:])
	if gap == 0 {
		return nil, gparser.NoChildren
	}
	node := heading()
	src := reader.Source()
	lineStart := seg.Start - seg.Padding
	title := text.NewSegment(lineStart+min(end+gap, len(line)-1), lineStart+len(line))
	title = title.TrimRightSpace(src)
	if title.Len() > 0 {
		if stop, ok := closeHashes(title.Value(src)); ok {
			title.Stop = title.Start + stop
			node.Lines().Append(title)
		}
	}
	reader.AdvanceToEOL()
	return node, gparser.NoChildren
}

// closeHashes returns where a heading's text ends before its optional
// closing sequence ("Title ##": the '#'s and the spaces before them go),
// ok false when the text is only '#'s ("### ###"), which leaves the
// heading without a line. title is not empty.
func closeHashes(title []byte) (stop int, ok bool) {
	stop = len(title)
	i := stop - 1
	for i > 0 && title[i] == '#' {
		i--
	}
	if i == 0 && title[0] == '#' {
		return 0, false
	}
	if i != stop-1 && util.IsSpace(title[i]) {
		stop = i - util.TrimRightSpaceLength(title[:i])
	}
	return stop, true
}

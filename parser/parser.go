// Package parser reads one Microsoft Graph reference page (Markdown) into
// the docs2go intermediate model, ir.Page.
//
// goldmark (block parsers only, goldmark.go, their nodes recycled from page
// to page, recycle.go; GFM tables, gmtable.go) builds the block tree; the
// parser walks it once, tracking the open headings, and reads every fact
// it needs from raw segments so that each keeps its position. It never
// panics and never needs annotations: they refine what the structure says.
package parser

import (
	"bytes"
	"slices"
	"strings"
	"unsafe"

	"github.com/docs2go/docs2go/parser/ir"
	gast "github.com/yuin/goldmark/ast"
	gparser "github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// ParsePage parses src, the content of the docs file at the docs-relative
// slash path file. Problems found on the page are returned as diagnostics;
// a page never fails as a whole.
func ParsePage(file string, src []byte) (page *ir.Page, diags ir.Diagnostics) {
	return parsePage(file, src, string(src))
}

// ParseOwnedPage is ParsePage for a caller that hands src over: the page's
// strings are slices of src itself rather than of a copy, so src must never
// be modified afterwards. docs2go reads every page into a buffer of its
// own and keeps only the hash besides the page, and the copy was a fifth
// of the bytes the parser allocated.
func ParseOwnedPage(file string, src []byte) (page *ir.Page, diags ir.Diagnostics) {
	return parsePage(file, src, unsafe.String(unsafe.SliceData(src), len(src)))
}

// parsePage parses src, whose text is its content as a string.
func parsePage(file string, src []byte, text string) (page *ir.Page, diags ir.Diagnostics) {
	scr := scratches.Get().(*scratch)
	defer scr.release()
	scr.li.index(file, src)
	p := &pageParser{src: src, text: text, li: &scr.li, scr: scr, page: &ir.Page{File: file}}
	defer func() {
		// The parser must survive any input; an internal bug on one page
		// becomes a diagnostic, not a crash of the whole run.
		if r := recover(); r != nil {
			p.diags.Errorf(p.li.pos(0), ir.CodeInternalError, "parser: internal error: %v", r)
			page, diags = p.page, p.diags
			diags.Sort()
		}
	}()
	p.parse()
	p.diags.Sort()
	return p.page, p.diags
}

// pageParser holds the state of one ParsePage call.
type pageParser struct {
	src   []byte // the whole file
	text  string // src as a string, converted once: raw text is sliced from it
	base  int    // offset of the Markdown after BOM and front matter
	md    []byte // src[base:] with deep nesting cut (nesting.go), what goldmark reads
	mdTxt string // md as a string
	li    *lineIndex
	scr   *scratch // what only this parse uses, reused from page to page
	page  *ir.Page
	diags ir.Diagnostics
	fm    frontMatter

	secs         sections
	seenTitle    bool
	sawHTTPHead  bool                         // an "HTTP request" heading was seen
	sawExamples  bool                         // an "Example(s)" heading was seen
	anns         map[gast.Node]*ir.Annotation // made at the first annotation
	res          *ir.Resource                 // the resource properties go to
	resAnnotated bool                         // res got its resource annotation
	descPara     gast.Node                    // the paragraph the page description came from
}

// parse runs the whole pipeline.
func (p *pageParser) parse() {
	if bytes.HasPrefix(p.src, []byte("\xef\xbb\xbf")) {
		p.base = 3
	}
	p.fm = parseFrontMatter(p.text, p.base, p.li, &p.diags)
	p.page.FrontMatter = p.fm.fields
	p.base = max(p.base, p.fm.end)
	md, cut := defuseNesting(p.src[p.base:], p.li.linesFrom(p.base, len(p.src)), p.pos, &p.diags)
	p.md, p.mdTxt = md, p.text[p.base:]
	if cut {
		p.mdTxt = string(md)
	}
	p.page.Links = scanLinkDefs(p.text, p.base, p.li)
	pc := gparser.NewContext()
	pc.Set(recyclerKey, &p.scr.blocks)
	doc := blockParser.Parse(text.NewReader(p.md), gparser.WithContext(pc))
	_ = gast.Walk(doc, p.visit)
	p.finish()
}

// pos converts an offset into p.md into a position.
func (p *pageParser) pos(off int) ir.Pos { return p.li.pos(off + p.base) }

// abs converts an offset into p.md into an offset into p.src.
func (p *pageParser) abs(off int) int { return off + p.base }

// visit dispatches on the block kinds the parser reads.
func (p *pageParser) visit(n gast.Node, entering bool) (gast.WalkStatus, error) {
	if !entering {
		return gast.WalkContinue, nil
	}
	switch n := n.(type) {
	case *gast.Heading:
		p.heading(n)
		return gast.WalkSkipChildren, nil
	case *tableBlock:
		p.table(n)
		return gast.WalkSkipChildren, nil
	case *gast.FencedCodeBlock:
		p.fence(n)
	case *gast.HTMLBlock:
		p.htmlBlock(n)
	case *gast.Paragraph:
		p.paragraph(n)
		return gast.WalkSkipChildren, nil
	case *gast.List:
		p.descriptionList(n)
	case *gast.TextBlock:
		p.listItemText(n)
	}
	return gast.WalkContinue, nil
}

// value returns seg.Value(p.md) as a string, a slice of mdTxt unless
// goldmark padded the segment.
func (p *pageParser) value(seg text.Segment) string { return segmentValue(seg, p.mdTxt) }

// segmentValue is seg.Value([]byte(md)) as a string: the text itself, the
// padding goldmark adds for a tab expanded in an indent, the newline it
// forces.
func segmentValue(seg text.Segment, md string) string {
	v := md[seg.Start:seg.Stop]
	if seg.Padding > 0 {
		v = strings.Repeat(" ", seg.Padding) + v
	}
	if seg.ForceNewline && v != "" && v[len(v)-1] != '\n' {
		v += "\n"
	}
	return v
}

// trimEOL is strings.TrimRight(s, "\r\n") without building the cutset's
// byte set on every call (every line of every block goes through it).
func trimEOL(s string) string {
	for len(s) > 0 && (s[len(s)-1] == '\n' || s[len(s)-1] == '\r') {
		s = s[:len(s)-1]
	}
	return s
}

// rawLines returns the raw text of a block's lines joined by "\n".
func (p *pageParser) rawLines(n gast.Node) string {
	lines := n.Lines()
	return p.joinLines(lines.Sliced(0, lines.Len()))
}

// fenceLines returns the content lines of a block with absolute offsets,
// valid until the next call.
func (p *pageParser) fenceLines(n gast.Node) []fenceLine {
	lines := n.Lines()
	out := slices.Grow(p.scr.fence[:0], lines.Len())
	for i := 0; i < lines.Len(); i++ {
		seg := lines.At(i)
		// from src, not md: a line defuseNesting cut keeps its bytes in bodies
		t := trimEOL(p.text[p.abs(seg.Start):p.abs(seg.Stop)])
		out = append(out, fenceLine{text: t, off: p.abs(seg.Start)})
	}
	p.scr.fence = out
	return out
}

// heading tracks sections; the first real H1 is the title. Tab markers
// `# [HTTP](#tab/http)` are H1s too (corpus §7) and are ignored.
func (p *pageParser) heading(h *gast.Heading) {
	raw := p.rawLines(h)
	if h.Level == 1 && isTabMarker(raw) {
		return
	}
	txt := plainText(raw)
	if h.Level == 1 {
		p.secs = p.secs[:0]
		if !p.seenTitle {
			p.seenTitle = true
			p.page.Title, p.page.TitlePos = txt, p.pos(h.Pos())
		}
		return
	}
	kind := classifyHeading(txt)
	switch kind {
	case secHTTPRequest:
		p.sawHTTPHead = true
		if p.op().Pos == (ir.Pos{}) {
			p.op().Pos = p.pos(h.Pos())
		}
	case secExamples:
		p.sawExamples = true
	}
	if kind == secResponse && p.secs.in(secExamples) {
		kind = secOther // "### Response" of an example
	}
	p.secs.push(section{level: h.Level, kind: kind, text: txt, pos: h.Pos()})
}

// isTabMarker reports whether an H1's raw text is only a link to "#tab/...".
func isTabMarker(raw string) bool {
	ls := findLinks(raw)
	return len(ls) == 1 && strings.HasPrefix(ls[0].Dest, "#tab/") && strings.HasPrefix(strings.TrimSpace(raw), "[") &&
		strings.HasSuffix(strings.TrimSpace(raw), ")")
}

// op returns the page's operation, creating it.
func (p *pageParser) op() *ir.Operation {
	if p.page.Operation == nil {
		p.page.Operation = &ir.Operation{}
	}
	return p.page.Operation
}

// htmlBlock reads <!-- { ... } --> annotations; page annotations are kept
// on the page, resource annotations start or name a resource, the rest are
// looked up by the fence that follows.
func (p *pageParser) htmlBlock(n *gast.HTMLBlock) {
	// The comment is its lines and its closing line, joined once; buf keeps
	// the list on the stack.
	var buf [16]text.Segment
	lines := n.Lines()
	segs := append(buf[:0], lines.Sliced(0, lines.Len())...)
	if n.HasClosure() {
		segs = append(segs, n.ClosureLine)
	}
	t := strings.TrimSpace(p.joinLines(segs))
	if !strings.HasPrefix(t, "<!--") {
		return
	}
	annotation := strings.HasPrefix(strings.TrimSpace(t[4:]), "{")
	if annotation && swallowsFence(t) || !strings.Contains(t, "-->") {
		// beta/api/unifiedrolemanagementpolicyrule-update.md:110 (2021): the "-->" is
		// missing, so the comment runs to the next one and hides a code block.
		// Plain comments may hide fences on purpose (beta/resources/activitystatistics.md).
		p.diags.Warnf(p.pos(n.Pos()), ir.CodeUnclosedComment, "comment: no closing \"-->\" before the content that follows, which is hidden")
		return
	}
	if !annotation {
		return
	}
	body := strings.TrimSpace(strings.TrimPrefix(t, "<!--"))
	body = strings.TrimSpace(strings.TrimSuffix(body, "-->"))
	pos := p.pos(n.Pos())
	a, members, err := parseAnnotation(body, pos)
	if err != nil {
		p.diags.Warnf(pos, ir.CodeInvalidAnnotation, "annotation: %v", err)
		return
	}
	if p.anns == nil {
		p.anns = map[gast.Node]*ir.Annotation{}
	}
	p.anns[n] = a
	switch {
	case isPageAnnotation(members):
		p.page.Annotations = append(p.page.Annotations, *a)
		return
	case a.BlockType == "resource":
		p.resourceAnnotation(a, members)
	}
	p.page.BlockAnnotations = append(p.page.BlockAnnotations, *a)
}

// swallowsFence reports whether a comment contains a code fence line.
func swallowsFence(comment string) bool {
	for l := range strings.SplitSeq(comment, "\n") {
		if strings.HasPrefix(strings.TrimSpace(l), "```") {
			return true
		}
	}
	return false
}

func isPageAnnotation(ms []jsonMember) bool {
	for _, m := range ms {
		if m.Key == "type" && asString(m.Value) == "#page.annotation" {
			return true
		}
	}
	return false
}

// annotationBefore returns the annotation that is n's previous sibling
// (regardless of blank lines, corpus §3), or nil.
func (p *pageParser) annotationBefore(n gast.Node) *ir.Annotation {
	if prev := n.PreviousSibling(); prev != nil {
		return p.anns[prev]
	}
	return nil
}

// fence classifies a fenced block: HTTP syntax, example message, or JSON
// representation of a resource.
func (p *pageParser) fence(n *gast.FencedCodeBlock) {
	info := ""
	if n.Info != nil {
		info = strings.ToLower(strings.TrimSpace(p.value(n.Info.Segment)))
	}
	p.checkFenceClosed(n)
	lines := p.fenceLines(n)
	if line, ok := p.infoRequestLine(n, info); ok {
		info, lines = "http", append([]fenceLine{line}, lines...)
	}
	ann := p.annotationBefore(n)
	first := ""
	if i := firstNonBlank(lines); i >= 0 {
		first = lines[i].text
	}
	isReq, isStatus := matchRequestLine(first) != nil, matchStatusLine(first) != nil
	httpish := oneOf(info, "http", "", "json", "msgraph-interactive")
	switch {
	case p.isSyntax(info, isReq, ann):
		p.syntaxBlock(n, lines)
	case httpish && (isReq || isStatus):
		p.example(lines, ann)
	case p.secs.in(secJSON) || ann != nil && ann.BlockType == "resource":
		p.jsonRepresentation(n, lines)
	case info == "http" && !p.secs.in(secHTTPRequest) && matchHeaderLine(first) == nil && !strings.HasPrefix(first, "http"):
		// a body without its status line (beta/api/insights-list-shared.md); header-only
		// snippets (`Prefer: outlook.timezone=...`, beta/api/event-get.md) are illustrations
		p.diags.Warnf(p.li.pos(p.abs(n.Pos())), ir.CodeHTTPExample, "http example: first line %q is neither a request nor a status line", clip(first, 40))
	}
}

// infoRequestLine returns the request line written on the fence line
// itself, "```http GET /education/schools" (v1.0
// educationroot-list-schools.md): goldmark reads it as the info string.
func (p *pageParser) infoRequestLine(n *gast.FencedCodeBlock, info string) (fenceLine, bool) {
	if n.Info == nil || !strings.HasPrefix(info, "http ") {
		return fenceLine{}, false
	}
	raw := p.value(n.Info.Segment)
	i := strings.Index(strings.ToLower(raw), "http") + len("http")
	rest := strings.TrimLeft(raw[i:], " \t")
	if matchRequestLine(rest) == nil {
		return fenceLine{}, false
	}
	return fenceLine{text: strings.TrimRight(rest, " \t\r\n"), off: p.abs(n.Info.Segment.Start + len(raw) - len(rest))}, true
}

// isSyntax reports whether a fence is an HTTP request syntax block: under
// the "HTTP request" heading, or, on the 5 pages without that heading
// (v1.0/api/chat-post-members.md keeps it under Permissions), a request
// fence before the examples that is not annotated as an example.
func (p *pageParser) isSyntax(info string, isReq bool, ann *ir.Annotation) bool {
	if p.secs.in(secExamples) || !oneOf(info, "http", "", "msgraph-interactive") {
		return false
	}
	if p.secs.in(secHTTPRequest) {
		return true
	}
	notExample := ann == nil || oneOf(ann.BlockType, "ignored", "samples", "")
	noPaths := p.page.Operation == nil || len(p.page.Operation.Paths) == 0
	return isReq && !p.sawHTTPHead && !p.sawExamples && notExample && noPaths
}

// checkFenceClosed reports a fence that runs to the end of the page.
func (p *pageParser) checkFenceClosed(n *gast.FencedCodeBlock) {
	end := p.abs(n.Pos())
	if l := n.Lines(); l.Len() > 0 {
		end = p.abs(l.At(l.Len() - 1).Stop)
	} else {
		end = lineEnd(p.text, end)
	}
	rest := strings.TrimLeft(p.text[min(end, len(p.text)):min(end+200, len(p.text))], " \t")
	if !strings.HasPrefix(rest, "```") && !strings.HasPrefix(rest, "~~~") {
		p.diags.Warnf(p.li.pos(p.abs(n.Pos())), ir.CodeUnclosedFence, "code block: no closing fence, it runs to the end of the page")
	}
}

// syntaxBlock records the request lines of an HTTP request block.
func (p *pageParser) syntaxBlock(n *gast.FencedCodeBlock, lines []fenceLine) {
	op := p.op()
	if op.Pos == (ir.Pos{}) {
		op.Pos = p.pos(n.Pos())
	}
	op.Paths = append(op.Paths, parseSyntaxLines(lines, p.li.pos)...)
}

// example parses an example message and pairs it.
func (p *pageParser) example(lines []fenceLine, ann *ir.Annotation) {
	msg := parseMessage(lines, p.text, p.li.pos)
	if msg == nil {
		return
	}
	msg.Annotation = ann
	addExample(p.op(), msg)
}

package jsontree

import (
	"encoding/json"
	"errors"
	"io"
	"strings"

	"github.com/docs2go/docs2go/parser/ir"
)

// Doc is the parse of one example body.
type Doc struct {
	text       string
	strict     *Node
	strictErr  *SyntaxError
	lenient    *Node
	lenientErr error
}

// SyntaxError is invalid JSON at a byte offset of the text, with
// encoding/json's message.
type SyntaxError struct {
	Off int
	Msg string
}

func (e *SyntaxError) Error() string { return e.Msg }

// maxDepth is encoding/json's nesting limit; the lenient reading, like
// Decoder.Token, has none.
const maxDepth = 10000

// Parse reads text once. Only a text that is invalid, nested deeper than
// encoding/json allows, or noisy costs a second look.
func Parse(text string) *Doc {
	d := &Doc{text: text}
	r := newReader(text)
	root, err := r.document()
	if err != nil || r.depth > maxDepth {
		d.strictErr = strictError(text, err)
	} else {
		d.strict = root
	}
	if clean := Blank(text); clean != text {
		d.lenient, d.lenientErr = Read(clean)
	} else {
		d.lenient, d.lenientErr = root, err
	}
	return d
}

// Strict returns the tree of a text encoding/json accepts, else the error
// encoding/json gives, positioned at the offending byte.
func (d *Doc) Strict() (*Node, *SyntaxError) { return d.strict, d.strictErr }

// Lenient returns the tree of the text with // comments, trailing commas
// and stray fence lines blanked out (offsets unchanged), else the error
// encoding/json's Decoder.Token walk gives.
func (d *Doc) Lenient() (*Node, error) { return d.lenient, d.lenientErr }

// Leading returns the first JSON value of the text as encoding/json's
// Decoder.Decode reads it from a stream, unless what follows it starts
// another value; nil when there is no such value. It accepts what the
// strict reading refuses for the text after the value alone: some example
// bodies go on with header lines (v1.0 workforceintegration-post.md), which
// a Decoder never reads.
func (d *Doc) Leading() *Node {
	if d.strict != nil {
		return d.strict
	}
	r := newReader(d.text)
	v, err := r.value()
	if err != nil || r.depth > maxDepth {
		return nil
	}
	if _, err := r.token(); err == nil || err == io.EOF {
		// Another value follows (with a Decoder, the next Token call
		// succeeds), or only white space, which the strict reading took
		// unless the value is too deep.
		return nil
	}
	return v
}

// Attach parses blk's text and keeps the result on blk (ir.Block.JSON) for
// Of. It must run before blk is shared between goroutines.
func Attach(blk *ir.Block) *Doc {
	d := Parse(blk.Text)
	blk.JSON = d
	return d
}

// Of returns the Doc attached to blk when it is still blk's text, else a
// fresh parse that is not kept (blocks are read concurrently after
// linking).
func Of(blk *ir.Block) *Doc {
	if d, ok := blk.JSON.(*Doc); ok && d.text == blk.Text {
		return d
	}
	return Parse(blk.Text)
}

// Read parses one JSON value, with Decoder.Token's errors; only white
// space may follow it.
func Read(text string) (*Node, error) {
	r := newReader(text)
	return r.document()
}

// strictError is encoding/json's verdict on text the reader refused (err)
// or found too deep, with the offset of the offending byte.
// SyntaxError.Offset counts the bytes read, the bad one included; an
// unexpected end points after the last non-space byte.
func strictError(text string, err error) *SyntaxError {
	var raw json.RawMessage
	jerr := json.Unmarshal([]byte(text), &raw)
	if jerr == nil {
		// The reader and encoding/json disagree, which the tests rule
		// out: still report the reader's finding rather than panic.
		return &SyntaxError{Off: 0, Msg: err.Error()}
	}
	var se *json.SyntaxError
	if !errors.As(jerr, &se) {
		return &SyntaxError{Off: 0, Msg: jerr.Error()}
	}
	msg := strings.TrimPrefix(se.Error(), "json: ")
	if msg == "unexpected end of JSON input" {
		return &SyntaxError{Off: len(strings.TrimRight(text, " \t\r\n")), Msg: msg}
	}
	return &SyntaxError{Off: max(0, min(int(se.Offset)-1, len(text))), Msg: msg}
}

// document reads the one value of the text.
func (r *reader) document() (*Node, error) {
	v, err := r.value()
	if err != nil {
		return nil, err
	}
	if _, err := r.token(); err != io.EOF {
		return nil, errors.New("text after the JSON value")
	}
	return v, nil
}

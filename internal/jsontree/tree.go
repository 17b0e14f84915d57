// Package jsontree reads the JSON bodies of the docs' examples into ordered
// trees with byte offsets, once per body: the linker infers properties from
// them in document order, the checks and the generator's example fit point
// their findings at the offending byte. encoding/json offers neither the
// order nor the offsets.
//
// A Doc holds two readings of one text: Strict, exactly what encoding/json
// accepts (a body the generated code can decode), and Lenient, the reading
// the linker infers from, which first blanks the docs' usual noise (//
// comments, trailing commas, stray fence lines). Both come from one pass of
// one reader; the lenient reading parses again only a text that has noise.
package jsontree

import "strings"

// Kind is the JSON kind of a node.
type Kind uint8

const (
	Null Kind = iota
	Bool
	Number
	String
	Array
	Object
)

// String names the kind as messages do ("boolean", "object", …).
func (k Kind) String() string {
	return [...]string{"null", "boolean", "number", "string", "array", "object"}[k]
}

// Node is a JSON value.
type Node struct {
	Kind    Kind
	Off     int      // byte offset of the value's first byte in the text
	Raw     string   // the value as written (strings with their quotes)
	Str     string   // String: the decoded string
	Members []Member // Object: document order, duplicates kept
	Elems   []*Node  // Array
}

// Member is one key of an object.
type Member struct {
	Key    string // decoded
	KeyOff int    // byte offset of the key's opening quote
	Val    *Node
}

// Field returns the value of key (exact match, first occurrence), or nil.
func (n *Node) Field(key string) *Node {
	if n == nil {
		return nil
	}
	for _, m := range n.Members {
		if m.Key == key {
			return m.Val
		}
	}
	return nil
}

// ODataType returns the object's "@odata.type" without the leading "#",
// or "".
func (n *Node) ODataType() string {
	if t := n.Field("@odata.type"); t != nil && t.Kind == String {
		return strings.TrimPrefix(strings.TrimSpace(t.Str), "#")
	}
	return ""
}

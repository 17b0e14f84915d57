// Package ir is docs2go's intermediate model: the facts that reference pages
// state, with the position each fact was read from.
//
// The parser fills it from Markdown (one Page per file), the linker joins
// pages into a DocSet, and the generator reads it to emit Go. It depends on
// the standard library only, so neither goldmark nor jennifer leaks across
// the stages. Slices keep document order; there are no maps, so everything
// built from the model is deterministic.
//
// Go-specific facts (Go names, Go types, file names) are not part of the
// model: the generator derives them.
package ir

// PageKind classifies a page by what it defines.
type PageKind string

const (
	PageAPI        PageKind = "api"        // an operation (doc_type apiPageType, or an HTTP request section)
	PageResource   PageKind = "resource"   // an entity or complex type
	PageEnum       PageKind = "enum"       // one or more enumerations
	PageConceptual PageKind = "conceptual" // anything else
)

// Page is everything the parser read from one Markdown file.
type Page struct {
	File        string       // docs-relative slash path, e.g. "api/user-post-users.md"
	Kind        PageKind     // what the page defines
	FrontMatter []MetaField  // front matter keys in document order
	Title       string       // the H1 text, e.g. "Create user"
	TitlePos    Pos          // where the H1 starts
	Namespace   string       // e.g. "microsoft.graph"; "" when the page states none
	Description string       // first prose paragraph after the title, plain text; a paragraph right after it that leads into a list with a colon follows after "\n\n", and the list items as "\n- item" lines
	Links       []LinkDef    // reference-style link definitions, "[x]: ../resources/x.md"
	Operation   *Operation   // set on API pages
	Resources   []*Resource  // types the page defines (resource pages; rarely several)
	Enums       []*Enum      // enumerations the page defines (enum pages, inline "x values" tables)
	Annotations []Annotation // page-level annotations (#page.annotation); example annotations live on their messages
	// BlockAnnotations are all other annotations (examples, resources, syntax
	// blocks, orphans) in document order, so lint can check every one.
	BlockAnnotations []Annotation
}

// MetaField is one front matter entry.
type MetaField struct {
	Key   string // e.g. "doc_type"
	Value string // unquoted value, e.g. "apiPageType"
	Pos   Pos
}

// LinkDef is a reference-style link definition.
type LinkDef struct {
	Label       string // lower-cased label, e.g. "identityset"
	Destination string // e.g. "../resources/identityset.md"
	Pos         Pos
}

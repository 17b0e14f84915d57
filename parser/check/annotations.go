package check

import (
	"slices"
	"strings"

	"github.com/docs2go/docs2go/parser/ir"
)

// messageKeys are the annotation keys ApiDoctor reads on code blocks
// (shared/notes/apidoctor.md §2) plus "isAbstract", which the parser
// accepts; corpus.md §3 lists the keys the corpus uses. ApiDoctor ignores
// unknown keys silently, so typos such as "trucated" go unnoticed there.
var messageKeys = []string{
	"@odata.annotations", "@odata.type", "@property.aka", "@type", "@type.aka",
	"abstract", "apiVersions", "baseType", "blockType", "collectionProperty",
	"expectError", "idempotent", "isAbstract", "isCollection", "isComposable",
	"isEmpty", "isMediaEntity", "keyProperty", "longRunningResponseType",
	"mergePermissions", "name", "nullableProperties", "opaqueUrl", "openType",
	"optionalProperties", "requestUrls", "sampleKeys", "scopes", "tags",
	"target", "truncated",
}

// pageKeys are the keys of a "#page.annotation" comment.
var pageKeys = []string{
	"canonicalUrl", "description", "footerAdditions", "headerAdditions",
	"keywords", "namespace", "section", "suppressions", "title", "tocBookmarks",
	"tocIndex", "tocPath", "type",
}

// blockTypes are the values of "blockType" ApiDoctor understands.
var blockTypes = []string{
	"example", "ignored", "permissions", "request", "resource", "response",
	"samples", "simulatedResponse", "testParams",
}

// checkAnnotations reports unknown keys and blockType values on the
// page's annotations and on every other annotation (examples, resources,
// syntax blocks). Keys are compared
// case-sensitively: docs2go's parser reads "truncated", not "Truncated".
func checkAnnotations(p *ir.Page) ir.Diagnostics {
	var diags ir.Diagnostics
	for i := range p.Annotations {
		diags = append(diags, checkKeys(&p.Annotations[i], pageKeys, "page annotation")...)
	}
	for i := range p.BlockAnnotations {
		a := &p.BlockAnnotations[i]
		diags = append(diags, checkKeys(a, messageKeys, "annotation")...)
		diags = append(diags, checkBlockType(a)...)
	}
	return diags
}

func checkKeys(a *ir.Annotation, known []string, what string) ir.Diagnostics {
	var diags ir.Diagnostics
	for _, k := range a.Keys {
		if slices.Contains(known, k) {
			continue
		}
		diags.Warnf(a.Pos, ir.CodeUnknownAnnotationKey, "%s: unknown key %q%s", what, k, didYouMean(k, known))
	}
	return diags
}

func checkBlockType(a *ir.Annotation) ir.Diagnostics {
	if a.BlockType == "" || slices.Contains(blockTypes, a.BlockType) {
		return nil
	}
	var diags ir.Diagnostics
	hint := didYouMean(a.BlockType, blockTypes)
	for _, bt := range blockTypes {
		if strings.EqualFold(bt, a.BlockType) {
			hint = `; did you mean "` + bt + `"`
		}
	}
	diags.Warnf(a.Pos, ir.CodeUnknownBlockType, "annotation: unknown blockType %q%s", a.BlockType, hint)
	return diags
}

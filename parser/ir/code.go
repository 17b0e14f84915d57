package ir

// Code is a diagnostic's stable kebab-case code: users suppress findings by
// it and tools key on it, so a code never changes once released. Every code
// is listed in Codes, and only there is it written as a string (a test in
// this package checks the repository's Go files and the README).
type Code string

// The codes, in pipeline order: parser, linker, checks, generator, lint.
const (
	CodeInternalError           Code = "internal-error"
	CodeUnclosedComment         Code = "unclosed-comment"
	CodeInvalidAnnotation       Code = "invalid-annotation"
	CodeUnknownAnnotationKey    Code = "unknown-annotation-key"
	CodeUnknownBlockType        Code = "unknown-block-type"
	CodeHTTPExample             Code = "http-example"
	CodeUnclosedFence           Code = "unclosed-fence"
	CodeNoOperation             Code = "no-operation"
	CodeNestingTooDeep          Code = "nesting-too-deep"
	CodeFrontMatter             Code = "front-matter"
	CodeTodoPlaceholder         Code = "todo-placeholder"
	CodeTableDelimiter          Code = "table-delimiter"
	CodeTableCellCount          Code = "table-cell-count"
	CodeDuplicateProperty       Code = "duplicate-property"
	CodeUnresolvedReference     Code = "unresolved-reference"
	CodeMissingType             Code = "missing-type"
	CodeUnresolvedType          Code = "unresolved-type"
	CodePropertyWithoutName     Code = "property-without-name"
	CodePropertyWithoutType     Code = "property-without-type"
	CodeNestedPropertyRow       Code = "nested-property-row"
	CodePropertyNotInResource   Code = "property-not-in-resource"
	CodeUnnamedType             Code = "unnamed-type"
	CodeTypeMergeConflict       Code = "type-merge-conflict"
	CodeInvalidTypeName         Code = "invalid-type-name"
	CodeInvalidBaseType         Code = "invalid-base-type"
	CodeInheritanceCycle        Code = "inheritance-cycle"
	CodeNoRequestBody           Code = "no-request-body"
	CodeCreateSkipped           Code = "create-skipped"
	CodeOperationSkipped        Code = "operation-skipped"
	CodeUnresolvedInclude       Code = "unresolved-include"
	CodeEmptyInclude            Code = "empty-include"
	CodeInvalidJSON             Code = "invalid-json"
	CodeTypeMismatch            Code = "type-mismatch"
	CodeLossyValue              Code = "lossy-value"
	CodeUnknownProperty         Code = "unknown-property"
	CodeUnknownEnumMember       Code = "unknown-enum-member"
	CodeMissingRequired         Code = "missing-required"
	CodeODataTypeMismatch       Code = "odata-type-mismatch"
	CodeDuplicateKey            Code = "duplicate-key"
	CodeURLMismatch             Code = "url-mismatch"
	CodeContentLength           Code = "content-length"
	CodeNo201Response           Code = "no-201-response"
	CodeUnknownPrimitive        Code = "unknown-primitive"
	CodeDuplicateType           Code = "duplicate-type"
	CodeDuplicateEnumMember     Code = "duplicate-enum-member"
	CodeEmptyEnumMember         Code = "empty-enum-member"
	CodeUnsupportedPropertyName Code = "unsupported-property-name"
	CodeNameCollision           Code = "name-collision"
	CodeUnsupportedStatus       Code = "unsupported-status"
	CodeNoRoute                 Code = "no-route"
	CodeMethodMismatch          Code = "method-mismatch"
	CodeUnroutablePath          Code = "unroutable-path"
	CodeRouteDuplicate          Code = "route-duplicate"
	CodeRouteConflict           Code = "route-conflict"
	CodeSharedRouteTypes        Code = "shared-route-types"
	CodeExampleUnroutable       Code = "example-unroutable"
	CodeExampleMethod           Code = "example-method"
	CodeExampleStatus           Code = "example-status"
	CodeExampleURL              Code = "example-url"
	CodeExampleNonconforming    Code = "example-nonconforming"
	CodeEndpointUnroutable      Code = "endpoint-unroutable"
	CodeNotAReferencePage       Code = "not-a-reference-page"
	CodeUnusedSuppression       Code = "unused-suppression"
)

// CodeInfo describes one code.
type CodeInfo struct {
	Code Code
	// Severity is the severity the code is reported with; a code that is
	// sometimes milder says so in its Meaning.
	Severity Severity
	Meaning  string // one line, a sentence without the final period
}

// Codes lists every code docs2go reports. The README's lint section
// documents each one.
var Codes = []CodeInfo{
	{CodeInternalError, Error, "A bug in docs2go stopped the parsing or the linking of a page; the rest of the run goes on"},
	{CodeUnclosedComment, Warning, "An HTML comment is not closed before the content that follows, which it hides"},
	{CodeInvalidAnnotation, Warning, "An annotation comment cannot be read"},
	{CodeUnknownAnnotationKey, Warning, "An annotation comment has a key no tool reads"},
	{CodeUnknownBlockType, Warning, "An annotation comment has an unknown blockType"},
	{CodeHTTPExample, Warning, "An HTTP example block cannot be read"},
	{CodeUnclosedFence, Warning, "A code block has no closing fence and runs to the end of the page"},
	{CodeNoOperation, Warning, "An API page has no HTTP request section"},
	{CodeNestingTooDeep, Warning, "Markdown nested deeper than the parser follows; the rest of the line is read as text"},
	{CodeFrontMatter, Warning, "The YAML front matter is malformed"},
	{CodeTodoPlaceholder, Warning, "A **TODO** placeholder was left in the page"},
	{CodeTableDelimiter, Warning, "A table's delimiter row does not match its header; the table is lost"},
	{CodeTableCellCount, Warning, "A table row has more or fewer cells than its header"},
	{CodeDuplicateProperty, Warning, "A property table lists the same property twice"},
	{CodeUnresolvedReference, Warning, "A type cell links to a reference that has no link definition"},
	{CodeMissingType, Warning, "A property table's type cell is empty"},
	{CodeUnresolvedType, Warning, "A type reference resolves to no resource or enum page"},
	{CodePropertyWithoutName, Warning, "A property table row has no name; it is not a property"},
	{CodePropertyWithoutType, Warning, "A request body table row has no type; it is not a property"},
	{CodeNestedPropertyRow, Warning, "A request body table row describes a nested property; it is not added"},
	{CodePropertyNotInResource, Warning, "An example or body table uses a property the resource page does not list"},
	{CodeUnnamedType, Warning, "A resource or enum page defines a type without a name"},
	{CodeTypeMergeConflict, Warning, "Two pages define the same type, property, base or enum member differently"},
	{CodeInvalidTypeName, Warning, "A page declares a type name that is not one word; the declaration is not used"},
	{CodeInvalidBaseType, Warning, "A resource's base type is an enum; the base is ignored"},
	{CodeInheritanceCycle, Warning, "A resource inherits from itself; the base is ignored"},
	{CodeNoRequestBody, Warning, "Neither a table nor the example documents a request body; the endpoint takes none"},
	{CodeCreateSkipped, Warning, "A create page could not become an endpoint"},
	{CodeOperationSkipped, Warning, "An operation page other than a create (get, list, update, delete, action, function, PUT) could not become an endpoint"},
	{CodeUnresolvedInclude, Warning, "A permissions [!INCLUDE] names a page that was not read (pass the whole docs version folder)"},
	{CodeEmptyInclude, Warning, "A permissions [!INCLUDE] page has no permissions table"},
	{CodeInvalidJSON, Error, "An example body is not valid JSON"},
	{CodeTypeMismatch, Error, "An example value contradicts the documented type (a string for Int32, a bad date-time or base64 string)"},
	{CodeLossyValue, Warning, "An example value would not survive a decode/encode round trip"},
	{CodeUnknownProperty, Warning, "An example uses a property the type does not document"},
	{CodeUnknownEnumMember, Warning, "An example uses a value that is not a member of the documented enum"},
	{CodeMissingRequired, Warning, "A non-truncated request example lacks a required property"},
	{CodeODataTypeMismatch, Error, "@odata.type names neither the documented type nor a type derived from it (a warning when the named type is undeclared or not declared as derived)"},
	{CodeDuplicateKey, Warning, "An example object repeats a key"},
	{CodeURLMismatch, Warning, "An example request URL matches no request line of the page"},
	{CodeContentLength, Warning, "A Content-Length header does not match the body"},
	{CodeNo201Response, Warning, "A create page says 201 Created but shows no 201 example response"},
	{CodeUnknownPrimitive, Warning, "A type names a primitive that is not an OData primitive; the generated code keeps the raw JSON"},
	{CodeDuplicateType, Warning, "The generator met a type or enum twice and kept one"},
	{CodeDuplicateEnumMember, Warning, "An enum lists a member twice; the first is kept"},
	{CodeEmptyEnumMember, Warning, "An enum member has no name; it is left out"},
	{CodeUnsupportedPropertyName, Warning, "A property name cannot be a JSON struct tag; the property stays in AdditionalData"},
	{CodeNameCollision, Warning, "Two names map to the same Go name; one gets another"},
	{CodeUnsupportedStatus, Warning, "An endpoint's documented status is not a success status; no code for it"},
	{CodeNoRoute, Warning, "No request line of an endpoint can be routed; no code for it"},
	{CodeMethodMismatch, Warning, "A request line's method differs from the endpoint's; the path is left out"},
	{CodeUnroutablePath, Warning, "A request line's path cannot be routed; it is left out"},
	{CodeRouteDuplicate, Warning, "A request line repeats an earlier one of the page with other placeholder names; it is left out"},
	{CodeRouteConflict, Warning, "A request line conflicts with another endpoint's route; it is left out"},
	{CodeSharedRouteTypes, Warning, "Endpoints served by one handler have unrelated body or result types"},
	{CodeExampleUnroutable, Warning, "No request path reaches an example's endpoint; no handler test for it"},
	{CodeExampleMethod, Warning, "An example request's method is on none of the page's request lines, so no operation claims it; no golden test for it"},
	{CodeExampleStatus, Warning, "An example response's status differs from the endpoint's; no golden test for it"},
	{CodeExampleURL, Warning, "An example request URL matches none of the endpoint's request lines; the test uses a built one"},
	{CodeExampleNonconforming, Warning, "An example body does not fit the generated types; no golden test for it"},
	{CodeEndpointUnroutable, Warning, "Every request line of an endpoint is shadowed by another endpoint; no 501 test for it"},
	{CodeNotAReferencePage, Warning, "A page given to docs2go is empty, binary, not UTF-8 or has no title; it yields nothing (an overview page with a title passes silently)"},
	{CodeUnusedSuppression, Warning, "A lint configuration suppression hid nothing"},
}

// Meaning returns the one-line meaning of c, or "" for a code not in Codes.
func (c Code) Meaning() string {
	for _, i := range Codes {
		if i.Code == c {
			return i.Meaning
		}
	}
	return ""
}

package ir

// Property is one row of a property or parameter table.
type Property struct {
	Name        string  // cleaned JSON name, e.g. "qrCodeImage" (markup and " (deprecated)" removed)
	RawName     string  // the cell as written, e.g. "**qrCodeImage**"
	Type        TypeRef // the parsed Type cell
	Description string  // plain text, HTML and markup removed
	Required    bool    // a Required column says so, or a sentence of the description ("Required."; "Required on create." in a table of what a create sends)
	ReadOnly    bool    // the description says "Read-only" without a condition ("Read-only when ..." does not count)
	Inherited   string  // the base type a row says it is "Inherited from", e.g. "entity"
	Pos         Pos     // start of the row
}

// TypeRef is a type as a page spells it, e.g. "[mimeContent](../resources/mimecontent.md) collection".
type TypeRef struct {
	Raw        string // the cell text as written
	Name       string // the type name: canonical primitive ("String", "Int32", ...) or the linked/written name ("mimeContent")
	Primitive  bool   // Name is one of the canonical primitives listed in Primitives
	Link       string // link destination as written, "" when not a link; reference links are resolved to their definition
	Collection bool   // "X collection", "Collection(X)"
	Pos        Pos
	// Target is filled by the linker: the qualified name of the resolved
	// type or enum, e.g. "microsoft.graph.mimeContent". Empty when
	// Primitive or unresolved.
	Target string `json:",omitempty"`
}

// Primitives are the canonical primitive type names the parser maps every
// spelling to ("string", "Edm.String" → "String"; "int", "Integer" → "Int32").
var Primitives = []string{
	"String", "Boolean", "Byte", "SByte", "Int16", "Int32", "Int64", "Single", "Double", "Decimal",
	"DateTimeOffset", "Date", "TimeOfDay", "Duration", "Guid", "Binary", "Stream", "Json",
}

// Resource is an entity or complex type that a page defines.
type Resource struct {
	Name        string     // e.g. "androidDeviceOwnerEnrollmentProfile"
	Namespace   string     // e.g. "microsoft.graph"
	Description string     // plain text
	BaseType    *TypeRef   // "Inherits from [x]", annotation baseType; nil when none
	Abstract    bool       // annotation "abstract"
	OpenType    bool       // annotation "openType"
	KeyProperty string     // annotation "keyProperty"; "" for complex types
	Properties  []Property // the Properties table(s), document order
	// Relationships are the rows of the Relationships table(s):
	// navigation properties, which bodies may carry (deep insert, $expand)
	// but the generated types do not declare. Read by lint only.
	Relationships []Property
	JSON          *Block // the JSON representation block, if any
	Pos           Pos    // the resource annotation, else the title
}

// QualifiedName returns namespace + "." + name.
func (r *Resource) QualifiedName() string { return Qualify(r.Namespace, r.Name) }

// Enum is an enumeration.
type Enum struct {
	Name        string // e.g. "androidDeviceOwnerEnrollmentMode"
	Namespace   string // e.g. "microsoft.graph"
	Description string
	Flags       bool // members combine ("isFlags", or values are powers of two documented as flags)
	Members     []EnumMember
	Pos         Pos
}

// QualifiedName returns namespace + "." + name.
func (e *Enum) QualifiedName() string { return Qualify(e.Namespace, e.Name) }

// EnumMember is one row of a members table.
type EnumMember struct {
	Name        string // e.g. "corporateOwnedDedicatedDevice"
	Value       string // numeric value as written, "" when the table has none
	Description string
	Pos         Pos
}

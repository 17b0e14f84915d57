package ir

// DocSet is one docs version after linking: every type reachable from a
// create endpoint, and the create endpoints themselves.
type DocSet struct {
	Types     []*Type     // structs, sorted by qualified name
	Enums     []*Enum     // sorted by qualified name
	Endpoints []*Endpoint // sorted by page file
	Skipped   []Skip      // create pages that could not become endpoints, sorted by page file
}

// Type is a struct type after linking: the resource page's properties win
// over a create page's table, and link targets are resolved.
type Type struct {
	Name        string // e.g. "androidDeviceOwnerEnrollmentProfile"
	Namespace   string // e.g. "microsoft.graph"
	Description string
	Base        string // qualified name of the base type, "" when none
	Abstract    bool
	// OpenType: a resource annotation says "openType": true; instances
	// may carry properties the tables do not list (directory extensions
	// extension_<appId>_<name>, open extensions). Types derived from an
	// open type are open too (OData CSDL), which the generator applies.
	OpenType   bool       `json:",omitempty"`
	Properties []Property // own and inherited rows, as the docs flatten them; TypeRef.Target resolved
	Derived    []string   // qualified names of the types that inherit from it, sorted
	Inferred   bool       // no page defines it; built from tables or examples
	Sources    []Pos      // every page section that contributed: the canonical declaration first, the others sorted
}

// QualifiedName returns namespace + "." + name.
func (t *Type) QualifiedName() string { return Qualify(t.Namespace, t.Name) }

// Endpoint is a create operation: a POST (or PUT upsert) answering 201.
type Endpoint struct {
	Page        string       // docs-relative file of the API page
	Title       string       // e.g. "Create androidDeviceOwnerEnrollmentProfiles"
	Method      string       // e.g. "POST"
	Paths       []PathSyntax // the request lines of the syntax block
	Body        *TypeRef     // the request body type, Target resolved
	Result      *TypeRef     // the 201 body type, Target resolved; nil for an empty 201
	Status      int          // 201
	Permissions []Permission
	Headers     []HeaderSpec
	Examples    []Example // the examples of Method, and those that show only a response
	Unclaimed   []Example `json:",omitempty"` // examples of the page whose request method no request line of the page has
	Pos         Pos
}

// Skip records a create page that did not become an endpoint, and why.
type Skip struct {
	Page   string // docs-relative file
	Method string // e.g. "POST", when known
	Path   string // first request line template, when known
	Reason string // e.g. "no request body type: neither a body table, a type link nor a JSON example"
	Pos    Pos    // the defect that caused the skip
}

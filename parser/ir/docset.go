package ir

// DocSet is one docs version after linking: every type reachable from an
// endpoint, and the endpoints themselves.
type DocSet struct {
	Types     []*Type     // structs, sorted by qualified name
	Enums     []*Enum     // sorted by qualified name
	Endpoints []*Endpoint // sorted by page file
	Skipped   []Skip      // operation pages that could not become endpoints, sorted by page file
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

// Endpoint is one documented operation: a create, get, list, update,
// delete, action, function or PUT page that the linker could read.
type Endpoint struct {
	Kind          OpKind       // what the operation does; "" reads as OpCreate (older IR files)
	Page          string       // docs-relative file of the API page
	Title         string       // e.g. "Create androidDeviceOwnerEnrollmentProfiles"
	Method        string       // e.g. "POST"
	Paths         []PathSyntax // the request lines of Method in the syntax block(s)
	Body          *TypeRef     // the JSON request body type, Target resolved; nil when the operation takes none (get, list, delete, a parameter-table action)
	Result        *TypeRef     // the JSON answer type, Target resolved (Collection for a list: the element type, the answer being {"value": [...]}; never nil for a list, raw JSON items when the page types none); nil for no JSON answer
	Status        int          // the documented success status, e.g. 201, 200, 204
	Statuses      []int        `json:",omitempty"` // every success status the page documents when it names more than one (PUT: 200 replace, 201 create), sorted; Status is one of them
	Parameters    []Property   `json:",omitempty"` // action: the request body's parameter table; POST/PUT …/$ref: one required "@odata.id" String; function: its parameters (Function parameters table, a table under Request body, or the request line's call). TypeRef.Target resolved
	Query         []QueryParam `json:",omitempty"` // the page's own query parameters (not the OData system options, nor "$id" of DELETE …/$ref?$id=), document order
	OData         []string     `json:",omitempty"` // the OData system query options the page names as supported, e.g. "$select", "$filter"; nil when the page names none (it may still link the generic query-parameters page)
	Content       string       `json:",omitempty"` // non-JSON request body: its documented media type, e.g. "application/octet-stream", "image/jpeg"; "" for JSON or no body
	ResultContent string       `json:",omitempty"` // non-JSON answer: its media type ("application/octet-stream", "text/csv", "text/plain", "image/jpeg"); "" for JSON or no body
	Redirect      bool         `json:",omitempty"` // the answer is a 302 to a download URL (reports)
	Permissions   []Permission
	Headers       []HeaderSpec
	Examples      []Example // the examples of Method, and those that show only a response
	Unclaimed     []Example `json:",omitempty"` // examples of the page whose request method no request line of the page has
	Pos           Pos
}

// OpKind is what an operation does.
type OpKind string

const (
	OpCreate   OpKind = "create"   // POST (or PUT upsert) to a collection, answering 201
	OpGet      OpKind = "get"      // GET of one entity, property or media stream ($value, content)
	OpList     OpKind = "list"     // GET of a collection: {"value": [...], "@odata.nextLink": ...}
	OpUpdate   OpKind = "update"   // PATCH: a partial body
	OpDelete   OpKind = "delete"   // DELETE, including DELETE .../$ref
	OpAction   OpKind = "action"   // any other POST, including POST .../$ref
	OpFunction OpKind = "function" // GET of a function: name(p=...), delta
	OpPut      OpKind = "put"      // PUT: replace, upsert, $ref set or content upload
)

// OpKinds lists the kinds in the order reports and tables give them.
var OpKinds = []OpKind{OpCreate, OpGet, OpList, OpUpdate, OpDelete, OpAction, OpFunction, OpPut}

// QueryParam is a query parameter a page documents for its operation
// (calendarView's startDateTime, a report's period when written as a query).
type QueryParam struct {
	Name        string
	Type        TypeRef
	Description string
	Required    bool
	Pos         Pos
}

// Skip records an operation page that did not become an endpoint, and why.
type Skip struct {
	Kind   OpKind // the operation the page documents, when known
	Page   string // docs-relative file
	Method string // e.g. "POST", when known
	Path   string // first request line template, when known
	Reason string // e.g. "no request body type: neither a body table, a type link nor a JSON example"
	Pos    Pos    // the defect that caused the skip
}

package ir

// Operation is what an API page documents: one HTTP operation, possibly
// reachable through several paths.
type Operation struct {
	Pos         Pos          // the HTTP request heading, or the first syntax block
	Method      string       // upper-case, e.g. "POST"; from the syntax block
	Paths       []PathSyntax // every request line of the syntax block(s), document order
	Permissions []Permission // rows of the permissions table
	Headers     []HeaderSpec // rows of the request headers table
	Body        *BodySpec    // the Request body section; nil when the page has none
	Response    *ResponseSpec
	Examples    []Example // request/response pairs, document order
	// PermissionIncludes are the `[!INCLUDE [label](path)]` references of the
	// Permissions section: 2023+ pages keep the table in an include file
	// (../includes/permissions/x-permissions.md) that the linker reads.
	PermissionIncludes []LinkDef `json:",omitempty"`
	// FunctionParams are the rows of the "Function parameters", "Path
	// parameters" and "Parameters" tables: a function's arguments.
	FunctionParams []Property `json:",omitempty"`
	// QueryParams are the rows of the "Query parameters" tables: the
	// page's own query string parameters (calendarView's startDateTime).
	QueryParams []Property `json:",omitempty"`
	// ODataOptions are the OData system query options ("$select",
	// "$filter", ...) the query parameters section names as supported,
	// lower-cased, first-seen order.
	ODataOptions []string `json:",omitempty"`
}

// PathSyntax is one request line of the HTTP request syntax block.
type PathSyntax struct {
	Method   string // e.g. "POST"
	Template string // as written, e.g. "/users/{id | userPrincipalName}/events"
	Pos      Pos
}

// Permission is one row of the permissions table.
type Permission struct {
	Type   string   // e.g. "Delegated (work or school account)"
	Scopes []string // e.g. ["User.ReadWrite.All"]; empty for "Not supported." or TODO placeholders
	Raw    string   // the cell text as written; least and higher privileged cells joined by " | " in 3-column tables
	Pos    Pos
}

// HeaderSpec is one row of the request headers table.
type HeaderSpec struct {
	Name        string // e.g. "Authorization"
	Description string // e.g. "Bearer {token}. Required."
	Required    bool   // the description says "Required"
	Pos         Pos
}

// BodySpec is the Request body section.
type BodySpec struct {
	Pos        Pos
	Type       *TypeRef   // the type the prose links ("supply a JSON representation of [x](...)"); nil if none
	Properties []Property // rows of the body table; empty when the page has no table
	TablePos   Pos        // the table, when there is one
}

// ResponseSpec is the Response section.
type ResponseSpec struct {
	Pos    Pos
	Status int      // first success status the prose names, e.g. 201; 0 if none
	Type   *TypeRef // the type the prose links; nil if none
	// Statuses are every 2xx and 3xx status the prose names ("200 OK or
	// 201 Created", "302 Found"), first-seen order.
	Statuses []int `json:",omitempty"`
	// Collection: the prose says the answer is a collection ("a
	// collection of [user](...) objects").
	Collection bool `json:",omitempty"`
}

package ir

// Example is one documented request with the response that answers it.
type Example struct {
	Name     string       // annotation name, else "" (the generator numbers unnamed examples)
	Request  *HTTPMessage // nil when the page shows only a response
	Response *HTTPMessage // nil when the page shows only a request
}

// HTTPMessage is an http fenced block of an example: a request or a response.
type HTTPMessage struct {
	Annotation *Annotation // the <!-- { ... } --> comment before the fence; nil when absent
	Method     string      // requests: e.g. "POST"
	URL        string      // requests: as written, e.g. "https://graph.microsoft.com/beta/users"
	Status     int         // responses: e.g. 201
	Headers    []Header    // document order
	Body       *Block      // nil when the message has no body
	Pos        Pos         // the request or status line
}

// Header is one header line of an HTTP message.
type Header struct {
	Name  string // as written, e.g. "Content-type"
	Value string
	Pos   Pos
}

// Block is verbatim text from a page with the position of its first byte.
type Block struct {
	Text string // verbatim bytes, e.g. a JSON body
	Pos  Pos
	// JSON caches the parsed JSON of Text (a jsontree.Doc, typed any so
	// that ir depends on nothing) so that the linker, the checks and the
	// generator parse an example body once; nil until the linker parses it.
	JSON any `json:"-"`
}

// Annotation is a <!-- { ... } --> comment, read tolerantly (trailing commas,
// bare keys, "true" strings).
type Annotation struct {
	BlockType    string   // e.g. "request", "response", "resource", "ignored"
	Name         []string // "name": a string or an array
	ODataType    string   // "@odata.type" without a leading "#", e.g. "microsoft.graph.user"
	Truncated    bool     // "truncated": the body is a subset
	IsCollection bool     // "isCollection"
	BaseType     string   // resources: "baseType"
	KeyProperty  string   // resources: "keyProperty"
	Abstract     bool     // resources
	OpenType     bool     // resources
	Keys         []string // every key present, document order (for lint)
	Pos          Pos      // the "<!--"
}

package runtime

import (
	"net/http"
	"net/url"
	"reflect"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Query holds the OData system query options of a request ($select,
// $filter, ...) and its other query parameters. The handler parses it
// before the Server method runs (a malformed value gets 400); the client
// sends it.
type Query struct {
	Select     []string // $select=a,b
	Expand     []string // $expand=a,b($select=c): items split at top-level commas
	Filter     string   // $filter
	OrderBy    []string // $orderby=a desc,b
	Search     string   // $search, quotes kept
	Format     string   // $format, e.g. "text/csv" on reports
	SkipToken  string   // $skiptoken
	DeltaToken string   // $deltatoken
	ID         string   // $id, the reference a DELETE .../$ref removes
	Top        *int     // $top, >= 0
	Skip       *int     // $skip, >= 0
	Count      *bool    // $count=true|false
	// Params are the query parameters that are not system options (a
	// page's own, such as calendarView's startDateTime, as sent; the
	// request struct also holds the documented ones as typed fields).
	Params url.Values
}

// systemOptions are the $-options Query knows, by lower-case name.
var systemOptions = map[string]func(q *Query, v string) *Error{
	"$select":     func(q *Query, v string) *Error { q.Select = splitTop(v); return nil },
	"$expand":     func(q *Query, v string) *Error { q.Expand = splitTop(v); return nil },
	"$filter":     func(q *Query, v string) *Error { q.Filter = v; return nil },
	"$orderby":    func(q *Query, v string) *Error { q.OrderBy = splitTop(v); return nil },
	"$search":     func(q *Query, v string) *Error { q.Search = v; return nil },
	"$format":     func(q *Query, v string) *Error { q.Format = v; return nil },
	"$skiptoken":  func(q *Query, v string) *Error { q.SkipToken = v; return nil },
	"$deltatoken": func(q *Query, v string) *Error { q.DeltaToken = v; return nil },
	"$id":         func(q *Query, v string) *Error { q.ID = v; return nil },
	"$top":        func(q *Query, v string) *Error { return parseCount("$top", v, &q.Top) },
	"$skip":       func(q *Query, v string) *Error { return parseCount("$skip", v, &q.Skip) },
	"$count": func(q *Query, v string) *Error {
		b, err := strconv.ParseBool(v)
		if err != nil || (v != "true" && v != "false") {
			return badRequest("Invalid value '%s' for query option $count: want true or false.", v)
		}
		q.Count = &b
		return nil
	},
}

// parseQuery reads raw (a URL's query) as Graph does: a system option it
// does not know, one given twice or a malformed value is 400.
func parseQuery(raw string) (Query, *Error) {
	var q Query
	if raw == "" {
		return q, nil
	}
	vals, err := url.ParseQuery(raw)
	if err != nil {
		return q, badRequest("Malformed query string: %v.", err)
	}
	for _, k := range sortedKeys(vals) {
		if !strings.HasPrefix(k, "$") {
			if q.Params == nil {
				q.Params = url.Values{}
			}
			q.Params[k] = vals[k]
			continue
		}
		set, ok := systemOptions[strings.ToLower(k)]
		if !ok {
			return q, badRequest("Query option '%s' is not supported.", k)
		}
		if len(vals[k]) > 1 {
			return q, badRequest("Query option '%s' was specified more than once, but it must be specified at most once.", k)
		}
		if e := set(&q, vals[k][0]); e != nil {
			return q, e
		}
	}
	return q, nil
}

// parseCount reads a non-negative integer option ($top, $skip).
func parseCount(name, v string, dst **int) *Error {
	n, err := strconv.Atoi(v)
	if err != nil || n < 0 {
		return badRequest("Invalid value '%s' for query option %s: want a non-negative integer.", v, name)
	}
	*dst = &n
	return nil
}

// splitTop splits v at the commas outside parentheses and quotes
// ("members($select=id,displayName),owners" has two items).
func splitTop(v string) []string {
	var out []string
	depth, start, quoted := 0, 0, false
	for i := 0; i < len(v); i++ {
		switch c := v[i]; {
		case c == '\'':
			quoted = !quoted
		case quoted:
		case c == '(':
			depth++
		case c == ')':
			depth--
		case c == ',' && depth == 0:
			out = append(out, strings.TrimSpace(v[start:i]))
			start = i + 1
		}
	}
	return append(out, strings.TrimSpace(v[start:]))
}

// encode writes q as a query string, options in a fixed order, "" when q
// sets nothing.
func (q *Query) encode() string {
	if q == nil {
		return ""
	}
	var parts []string
	add := func(name, v string) {
		if v != "" {
			parts = append(parts, name+"="+url.QueryEscape(v))
		}
	}
	add("$select", strings.Join(q.Select, ","))
	add("$expand", strings.Join(q.Expand, ","))
	add("$filter", q.Filter)
	add("$orderby", strings.Join(q.OrderBy, ","))
	add("$search", q.Search)
	add("$format", q.Format)
	add("$skiptoken", q.SkipToken)
	add("$deltatoken", q.DeltaToken)
	add("$id", q.ID)
	if q.Top != nil {
		add("$top", strconv.Itoa(*q.Top))
	}
	if q.Skip != nil {
		add("$skip", strconv.Itoa(*q.Skip))
	}
	if q.Count != nil {
		add("$count", strconv.FormatBool(*q.Count))
	}
	if p := q.Params.Encode(); p != "" {
		parts = append(parts, p)
	}
	if len(parts) == 0 {
		return ""
	}
	return "?" + strings.Join(parts, "&")
}

// queryField is a request struct field bound to a query parameter by its
// `query:"name"` tag.
type queryField struct {
	index    int
	name     string
	required bool
}

// queryFields caches the tagged fields of each request struct type.
var queryFields sync.Map // reflect.Type → []queryField

// fieldsTagged lists t's fields tagged `query:"name[,required]"`.
func fieldsTagged(t reflect.Type) []queryField {
	if v, ok := queryFields.Load(t); ok {
		return v.([]queryField)
	}
	var out []queryField
	for i := range t.NumField() {
		tag, ok := t.Field(i).Tag.Lookup("query")
		if !ok {
			continue
		}
		name, opt, _ := strings.Cut(tag, ",")
		out = append(out, queryField{index: i, name: name, required: opt == "required"})
	}
	queryFields.Store(t, out)
	return out
}

// bindParams fills the typed query fields of req (a pointer to a request
// struct) from q.Params: strings as sent, numbers, booleans and
// date-times parsed (400 when malformed), a missing required one 400.
// Names match case-insensitively, as Graph's do.
func bindParams(req any, q *Query) error {
	v := reflect.ValueOf(req).Elem()
	for _, f := range fieldsTagged(v.Type()) {
		raw, ok := lookupFold(q.Params, f.name)
		if !ok {
			if f.required {
				return badRequest("Required query parameter '%s' is missing.", f.name)
			}
			continue
		}
		if e := setParam(v.Field(f.index), f.name, raw); e != nil {
			return e
		}
	}
	return nil
}

// lookupFold finds name in vals, ignoring case.
func lookupFold(vals url.Values, name string) (string, bool) {
	if v, ok := vals[name]; ok && len(v) > 0 {
		return v[0], true
	}
	for _, k := range sortedKeys(vals) {
		if strings.EqualFold(k, name) && len(vals[k]) > 0 {
			return vals[k][0], true
		}
	}
	return "", false
}

// setParam parses raw into dst, a *string, *int64, *float64, *bool or
// *time.Time field (an OData string literal's quotes are removed).
func setParam(dst reflect.Value, name, raw string) *Error {
	bad := func(want string) *Error {
		return badRequest("Invalid value '%s' for query parameter '%s': want %s.", raw, name, want)
	}
	if len(raw) >= 2 && raw[0] == '\'' && raw[len(raw)-1] == '\'' {
		raw = strings.ReplaceAll(raw[1:len(raw)-1], "''", "'")
	}
	p := reflect.New(dst.Type().Elem())
	switch x := p.Interface().(type) {
	case *string:
		*x = raw
	case *int64:
		n, err := strconv.ParseInt(raw, 10, 64)
		if err != nil {
			return bad("an integer")
		}
		*x = n
	case *float64:
		n, err := strconv.ParseFloat(raw, 64)
		if err != nil {
			return bad("a number")
		}
		*x = n
	case *bool:
		b, err := strconv.ParseBool(raw)
		if err != nil {
			return bad("true or false")
		}
		*x = b
	case *time.Time:
		t, err := time.Parse(time.RFC3339Nano, raw)
		if err != nil {
			if t, err = time.Parse("2006-01-02T15:04:05", raw); err != nil {
				if t, err = time.Parse(time.DateOnly, raw); err != nil {
					return bad("a date-time")
				}
			}
		}
		*x = t
	default:
		return errorf(http.StatusInternalServerError, "internalServerError", "query parameter %s: unsupported field type %s", name, dst.Type())
	}
	dst.Set(p)
	return nil
}

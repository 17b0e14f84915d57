package check

import (
	"encoding/base64"
	"encoding/json"
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/docs2go/docs2go/internal/jsontree"
)

// verdict is the outcome of checking one value against a type.
type verdict int

const (
	ok       verdict = iota
	mismatch         // decoding into the generated type fails
	lossy            // decoding succeeds but re-encoding changes the value
)

// primitiveRule checks a non-null JSON value against a canonical primitive
// name (ir.Primitives). The rules mirror what the generated Go types accept
// (scratch/generator-spec.md, "Type mapping"): numbers and booleans and
// time.Time are decoded by encoding/json itself, so they are checked by
// running it; Date, TimeOfDay and Duration follow the runtime's ISO rules.
// A name that is not a known primitive accepts anything, as
// json.RawMessage does.
func primitiveRule(name string, n *jsontree.Node) (verdict, string) {
	switch name {
	case "String", "Guid":
		return wantKind(name, n, jsontree.String)
	case "Boolean":
		return wantKind(name, n, jsontree.Bool)
	case "Byte", "SByte", "Int16", "Int32", "Int64":
		return integerRule(name, n)
	case "Single", "Double":
		return doubleRule(name, n)
	case "Decimal":
		return decimalRule(n)
	case "DateTimeOffset":
		return dateTimeRule(n)
	case "Date", "TimeOfDay", "Duration":
		return isoRule(name, n)
	case "Binary", "Stream":
		return base64Rule(name, n)
	}
	return ok, "" // Json, or a spelling the parser did not canonicalize
}

func wantKind(name string, n *jsontree.Node, k jsontree.Kind) (verdict, string) {
	if n.Kind != k {
		return mismatch, fmt.Sprintf("want %s, got %s", name, describe(n))
	}
	return ok, ""
}

// integerRule decodes like encoding/json into the Go integer type: an
// integer literal in range (no fraction, no exponent).
func integerRule(name string, n *jsontree.Node) (verdict, string) {
	if n.Kind != jsontree.Number {
		return wantKind(name, n, jsontree.Number)
	}
	if fitsInteger(name, n.Raw) {
		return ok, ""
	}
	var err error
	switch name {
	case "Byte":
		var v uint8
		err = json.Unmarshal([]byte(n.Raw), &v)
	case "SByte":
		var v int8
		err = json.Unmarshal([]byte(n.Raw), &v)
	case "Int16":
		var v int16
		err = json.Unmarshal([]byte(n.Raw), &v)
	case "Int32":
		var v int32
		err = json.Unmarshal([]byte(n.Raw), &v)
	default:
		var v int64
		err = json.Unmarshal([]byte(n.Raw), &v)
	}
	if err == nil {
		return ok, ""
	}
	if _, perr := strconv.ParseInt(n.Raw, 10, 64); perr != nil && !isRangeErr(perr) {
		return mismatch, fmt.Sprintf("want %s, got number %s, which is not an integer", name, clip(n.Raw))
	}
	return mismatch, fmt.Sprintf("want %s, got number %s, which is out of range", name, clip(n.Raw))
}

// integerRange holds the bounds of each integer primitive but Int64, which
// is strconv.ParseInt's own.
var integerRange = map[string][2]int64{
	"Byte": {0, math.MaxUint8}, "SByte": {math.MinInt8, math.MaxInt8},
	"Int16": {math.MinInt16, math.MaxInt16}, "Int32": {math.MinInt32, math.MaxInt32},
}

// fitsInteger is integerRule's quick yes for a valid JSON number (the
// reader checked its syntax): a literal without fraction or exponent that
// strconv reads within the type's range, which encoding/json accepts too.
// Anything else goes to encoding/json itself.
func fitsInteger(name, raw string) bool {
	if strings.ContainsAny(raw, ".eE") || name == "Byte" && strings.HasPrefix(raw, "-") { // ParseUint refuses "-0"
		return false
	}
	v, err := strconv.ParseInt(raw, 10, 64)
	if err != nil {
		return false
	}
	r, bounded := integerRange[name]
	return !bounded || r[0] <= v && v <= r[1]
}

func isRangeErr(err error) bool {
	ne, isNum := err.(*strconv.NumError)
	return isNum && ne.Err == strconv.ErrRange
}

// doubleRule: the runtime Double reads JSON numbers as float64 and the
// strings "NaN", "INF" and "-INF" (OData's spellings).
func doubleRule(name string, n *jsontree.Node) (verdict, string) {
	switch n.Kind {
	case jsontree.String:
		switch n.Str {
		case "NaN", "INF", "-INF":
			return ok, ""
		case "Infinity", "-Infinity":
			// The runtime reads them but writes "INF" and "-INF".
			return lossy, fmt.Sprintf("%s %s is re-encoded as %q", name, describe(n), strings.Replace(n.Str, "Infinity", "INF", 1))
		}
		return mismatch, fmt.Sprintf("want %s, got %s (only \"NaN\", \"INF\" and \"-INF\" may be strings)", name, describe(n))
	case jsontree.Number:
		var f float64
		if err := json.Unmarshal([]byte(n.Raw), &f); err != nil || math.IsInf(f, 0) {
			return mismatch, fmt.Sprintf("want %s, got number %s, which is out of range", name, clip(n.Raw))
		}
		return ok, ""
	}
	return wantKind(name, n, jsontree.Number)
}

// decimalRule: Decimal is json.Number. encoding/json also accepts a string
// holding a valid number, but re-encodes it as a number: a lossy round trip.
func decimalRule(n *jsontree.Node) (verdict, string) {
	switch n.Kind {
	case jsontree.Number:
		return ok, ""
	case jsontree.String:
		var num json.Number
		if json.Unmarshal([]byte(n.Raw), &num) == nil {
			return lossy, fmt.Sprintf("Decimal written as %s is re-encoded as a number", describe(n))
		}
	}
	return wantKind("Decimal", n, jsontree.Number)
}

// dateTimeRule runs time.Time's own JSON decoding (Go's strict RFC 3339:
// a zone is required, hour 24 is rejected). Re-encoding may change the
// spelling ("+00:00" → "Z", trailing zeros), which the golden tests compare
// as instants, so no value that decodes is lossy.
func dateTimeRule(n *jsontree.Node) (verdict, string) {
	if n.Kind != jsontree.String {
		return wantKind("DateTimeOffset", n, jsontree.String)
	}
	var t time.Time
	if err := t.UnmarshalJSON([]byte(n.Raw)); err != nil {
		return mismatch, fmt.Sprintf("want DateTimeOffset (RFC 3339 with a zone), got %s", describe(n))
	}
	if _, err := t.MarshalJSON(); err != nil {
		return mismatch, fmt.Sprintf("DateTimeOffset %s cannot be re-encoded: %v", describe(n), err)
	}
	return ok, ""
}

var (
	// timeOfDayRE: OData Edm.TimeOfDay, "15:04" or "15:04:05" with up to 12 fraction digits.
	timeOfDayRE = regexp.MustCompile(`^([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9](\.[0-9]{1,12})?)?$`)
	// durationRE: ISO 8601 durations as Graph writes them ("PT1H30M", "P1D", "-P2W").
	durationRE = regexp.MustCompile(`^-?P([0-9]+Y)?([0-9]+M)?([0-9]+W)?([0-9]+D)?(T([0-9]+H)?([0-9]+M)?([0-9]+(\.[0-9]+)?S)?)?$`)
)

func isoRule(name string, n *jsontree.Node) (verdict, string) {
	if n.Kind != jsontree.String {
		return wantKind(name, n, jsontree.String)
	}
	if validISO(name, n.Str) {
		return ok, ""
	}
	want := map[string]string{
		"Date":      "Date (YYYY-MM-DD)",
		"TimeOfDay": "TimeOfDay (hh:mm:ss)",
		"Duration":  "Duration (ISO 8601, e.g. PT1H)",
	}[name]
	return mismatch, fmt.Sprintf("want %s, got %s", want, describe(n))
}

// validISO reports whether s is a valid Date, TimeOfDay or Duration.
func validISO(name, s string) bool {
	switch name {
	case "Date":
		// time.DateOnly, as the runtime's Date checks it: four-digit
		// year, a day valid for the month.
		_, err := time.Parse(time.DateOnly, s)
		return err == nil
	case "TimeOfDay":
		return timeOfDayRE.MatchString(s)
	case "Duration":
		if !durationRE.MatchString(s) {
			return false
		}
		rest := strings.TrimPrefix(strings.TrimPrefix(s, "-"), "P")
		return rest != "" && !strings.HasSuffix(rest, "T")
	}
	return true
}

// base64Rule decodes like encoding/json decodes []byte: standard encoding
// with padding, CR and LF ignored. A value that does not re-encode to the
// same text (line breaks, non-zero trailing bits) is lossy.
func base64Rule(name string, n *jsontree.Node) (verdict, string) {
	if n.Kind != jsontree.String {
		return wantKind(name, n, jsontree.String)
	}
	var b []byte
	if err := json.Unmarshal([]byte(n.Raw), &b); err != nil {
		return mismatch, fmt.Sprintf("want %s (standard base64), got %s", name, describe(n))
	}
	if base64.StdEncoding.EncodeToString(b) != n.Str {
		return lossy, fmt.Sprintf("%s %s is not canonical base64 and would be re-encoded differently", name, describe(n))
	}
	return ok, ""
}

// describe names a value for messages: `string "abc"`, `number 1.5`, `object`.
func describe(n *jsontree.Node) string {
	switch n.Kind {
	case jsontree.String:
		return "string " + strconv.Quote(clip(n.Str))
	case jsontree.Number, jsontree.Bool:
		return n.Kind.String() + " " + clip(n.Raw)
	}
	return n.Kind.String()
}

// clip shortens s for a message.
func clip(s string) string {
	const limit = 40
	if len(s) <= limit {
		return s
	}
	cut := limit
	for cut > 0 && !utf8Start(s[cut]) {
		cut--
	}
	return s[:cut] + "..."
}

func utf8Start(b byte) bool { return b&0xC0 != 0x80 }

package runtime

import (
	"encoding/json"
	"fmt"
	"math"
	"regexp"
	"strconv"
	"time"
)

// Double is an Edm.Double or Edm.Single. OData writes the special values
// as the strings "NaN", "INF" and "-INF", which float64 cannot decode.
type Double float64

// MarshalJSON writes a number, or "NaN", "INF", "-INF" as strings.
func (d Double) MarshalJSON() ([]byte, error) {
	f := float64(d)
	switch {
	case math.IsNaN(f):
		return []byte(`"NaN"`), nil
	case math.IsInf(f, 1):
		return []byte(`"INF"`), nil
	case math.IsInf(f, -1):
		return []byte(`"-INF"`), nil
	}
	return json.Marshal(f)
}

// UnmarshalJSON reads a number or one of the special value strings.
func (d *Double) UnmarshalJSON(data []byte) error {
	if len(data) > 0 && data[0] == '"' {
		var s string
		if err := json.Unmarshal(data, &s); err != nil {
			return err
		}
		switch s {
		case "NaN":
			*d = Double(math.NaN())
		case "INF", "Infinity":
			*d = Double(math.Inf(1))
		case "-INF", "-Infinity":
			*d = Double(math.Inf(-1))
		default:
			return fmt.Errorf("double: got %q, want a number, \"NaN\", \"INF\" or \"-INF\"", s)
		}
		return nil
	}
	var f float64
	if err := json.Unmarshal(data, &f); err != nil {
		return err
	}
	*d = Double(f)
	return nil
}

// Date is an Edm.Date, "2006-01-02". It stays a string so that it
// round-trips as written; decoding checks the form.
type Date string

// UnmarshalJSON reads a date string and checks it.
func (d *Date) UnmarshalJSON(data []byte) error {
	return unmarshalChecked(data, (*string)(d), "date", func(s string) bool {
		_, err := time.Parse(time.DateOnly, s)
		return err == nil
	})
}

// Time returns d as midnight UTC.
func (d Date) Time() (time.Time, error) { return time.Parse(time.DateOnly, string(d)) }

// TimeOfDay is an Edm.TimeOfDay, "15:04:05" with optional fraction.
type TimeOfDay string

var timeOfDayRE = regexp.MustCompile(`^([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9](\.[0-9]{1,12})?)?$`)

// UnmarshalJSON reads a time-of-day string and checks it.
func (t *TimeOfDay) UnmarshalJSON(data []byte) error {
	return unmarshalChecked(data, (*string)(t), "time of day", timeOfDayRE.MatchString)
}

// Duration is an Edm.Duration, an ISO 8601 duration such as "P1DT2H" or
// "-PT0.5S". Graph durations may hold years and months, which
// time.Duration cannot, so the text is kept.
type Duration string

var durationRE = regexp.MustCompile(`^-?P(?:[0-9]+Y)?(?:[0-9]+M)?(?:[0-9]+W)?(?:[0-9]+D)?(?:T(?:[0-9]+H)?(?:[0-9]+M)?(?:[0-9]+(?:\.[0-9]+)?S)?)?$`)

// UnmarshalJSON reads a duration string and checks it.
func (d *Duration) UnmarshalJSON(data []byte) error {
	return unmarshalChecked(data, (*string)(d), "duration", func(s string) bool {
		return durationRE.MatchString(s) && s != "P" && s != "-P" && s[len(s)-1] != 'T'
	})
}

// unmarshalChecked decodes a JSON string into dst when ok accepts it.
func unmarshalChecked(data []byte, dst *string, what string, ok func(string) bool) error {
	var s string
	if err := json.Unmarshal(data, &s); err != nil {
		return fmt.Errorf("%s: %w", what, err)
	}
	if !ok(s) {
		return fmt.Errorf("%s: invalid value %s", what, strconv.Quote(s))
	}
	*dst = s
	return nil
}

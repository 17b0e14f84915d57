package check

import (
	"encoding/json"
	"reflect"
	"testing"

	"github.com/docs2go/docs2go/internal/jsontree"
)

// TestIntegerRuleMatchesDecoding checks integerRule, quick path included,
// against encoding/json decoding into each integer type.
func TestIntegerRuleMatchesDecoding(t *testing.T) {
	types := map[string]any{"Byte": uint8(0), "SByte": int8(0), "Int16": int16(0), "Int32": int32(0), "Int64": int64(0)}
	literals := []string{"0", "-0", "1", "-1", "127", "128", "-128", "-129", "255", "256", "32767", "32768", "-32768",
		"-32769", "2147483647", "2147483648", "-2147483648", "-2147483649", "9223372036854775807",
		"9223372036854775808", "-9223372036854775808", "-9223372036854775809", "1.0", "1e2", "1E2", "-0.0",
		"123456789012345678901234567890"}
	for name, zero := range types {
		for _, lit := range literals {
			v := reflect.New(reflect.TypeOf(zero))
			want := json.Unmarshal([]byte(lit), v.Interface()) == nil
			got, _ := integerRule(name, &jsontree.Node{Kind: jsontree.Number, Raw: lit})
			if (got == ok) != want {
				t.Errorf("integerRule(%s, %s) = %v, encoding/json accepts: %v", name, lit, got, want)
			}
		}
	}
}

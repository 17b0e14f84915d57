package jsontree

import (
	"fmt"
	"strings"
	"testing"
)

// benchBody is an example body shaped like the docs' list responses: a
// wrapper around objects with scalars, a nested object and arrays.
var benchBody = func() string {
	var items []string
	for i := range 20 {
		items = append(items, fmt.Sprintf(`{
      "id": "%d",
      "displayName": "Item %d",
      "createdDateTime": "2020-01-02T03:04:05Z",
      "size": %d,
      "enabled": true,
      "owner": {"id": "u%d", "displayName": null, "roles": ["a", "b"]},
      "tags": ["x", "y", "z"],
      "details": []
    }`, i, i, i*100, i))
	}
	return `{"@odata.context": "https://graph.microsoft.com/beta/$metadata#items", "value": [` + strings.Join(items, ",") + "]}"
}()

// BenchmarkParse reads one representative body (the linker attaches one
// Doc per example body).
func BenchmarkParse(b *testing.B) {
	b.SetBytes(int64(len(benchBody)))
	b.ReportAllocs()
	for b.Loop() {
		if d := Parse(benchBody); d.strict == nil {
			b.Fatal("body does not parse")
		}
	}
}

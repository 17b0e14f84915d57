package jsontree

import (
	"fmt"
	"runtime"
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

// TestSmallBodyBytes bounds what parsing a small body allocates: Docs stay
// attached to their blocks for the whole run, so a slab sized for more
// nodes than the text can hold wastes memory per example.
func TestSmallBodyBytes(t *testing.T) {
	if testing.Short() {
		t.Skip("allocation counting is skipped in -short")
	}
	const body = `{"id": "1", "ok": true}`
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	const n = 1000
	for range n {
		if Parse(body).strict == nil {
			t.Fatal("body does not parse")
		}
	}
	runtime.ReadMemStats(&after)
	perParse := (after.TotalAlloc - before.TotalAlloc) / n
	t.Logf("%d bytes per parse", perParse)
	// Doc, 3 nodes (96 bytes each), 2 members, reader stacks: about 700
	// bytes; 8 nodes per slab would add 480.
	if perParse > 900 {
		t.Errorf("parsing %s allocates %d bytes, want at most 900", body, perParse)
	}
}

// TestMaxValues checks that maxValues bounds the nodes of a tree, exactly
// when no array or object is empty.
func TestMaxValues(t *testing.T) {
	for _, tc := range []struct {
		text  string
		exact bool
	}{
		{`1`, true}, {`"a,[{"`, true}, {`{"a": [1, 2, {"b": "x\",y"}], "c": null}`, true},
		{`[[[[1]]]]`, true}, {`{}`, false}, {`[[], {}, [1]]`, false}, {benchBody, false},
		{"{\"k\\\\\": [1,2]}", true},
	} {
		root, err := Read(tc.text)
		if err != nil {
			t.Fatalf("%s: %v", tc.text, err)
		}
		nodes, bound := countNodes(root), maxValues(tc.text)
		if nodes > bound || tc.exact && nodes != bound {
			t.Errorf("%s: %d nodes, maxValues %d (exact: %v)", tc.text, nodes, bound, tc.exact)
		}
	}
}

func countNodes(n *Node) int {
	c := 1
	for _, m := range n.Members {
		c += countNodes(m.Val)
	}
	for _, e := range n.Elems {
		c += countNodes(e)
	}
	return c
}

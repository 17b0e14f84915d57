package templates

import (
	"bytes"
	"testing"
)

func TestSupport(t *testing.T) {
	files := Support()
	seen := map[string]bool{}
	for _, f := range files {
		seen[f.Name] = true
		if !bytes.HasPrefix(f.Src, []byte("package runtime\n")) {
			t.Errorf("%s: must start with the package clause (no header or package doc): the generator replaces it", f.Name)
		}
	}
	for _, want := range []string{"opt.go", "object.go", "handler.go", "client.go", "errors.go", "scalars.go", "support_test.go"} {
		if !seen[want] {
			t.Errorf("support file %s missing", want)
		}
	}
	for _, skip := range []string{"doc.go", "export.go", "object_unit_test.go"} {
		if seen[skip] {
			t.Errorf("%s must not be copied", skip)
		}
	}
}

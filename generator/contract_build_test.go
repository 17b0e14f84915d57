package generator

import (
	"os"
	"path/filepath"
	"testing"
)

// TestGeneratedHandlerContract generates each testdata/contract/<case>
// (a DocSet from trimmed corpus pages), adds the case's hand-written
// contract_test.go.txt to the output and runs go vet and go test on it:
// the handler and client on a real endpoint with path parameters, enums
// and derived types.
func TestGeneratedHandlerContract(t *testing.T) {
	goTool := goToolOrSkip(t)
	cases, _ := filepath.Glob("testdata/contract/*/input.json")
	if len(cases) == 0 {
		t.Fatal("no cases in testdata/contract/*/input.json")
	}
	for _, in := range cases {
		dir := filepath.Dir(in)
		t.Run(filepath.Base(dir), func(t *testing.T) {
			res := generateCase(t, in)
			out := writeScratch(t, filepath.Base(dir), res)
			extra, err := os.ReadFile(filepath.Join(dir, "contract_test.go.txt"))
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(out, "contract_test.go"), extra, 0o644); err != nil {
				t.Fatal(err)
			}
			vetAndTest(t, goTool, out)
		})
	}
}

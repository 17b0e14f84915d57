# docs2go developer targets. Every target works on a fresh machine with Go installed.
GO ?= go
CORPUS ?= ../shared/corpus/graph-docs-2020/api-reference

.PHONY: generate check test vet race golden corpus bench ab fuzz

## generate: regenerate generated/ from docs/ (and the runtime benchmark's corpus package from its pages)
generate:
	$(GO) run ./cmd/docs2go -out generated docs
	$(GO) generate ./cmd/benchrun/runtimebench/

## check: fail if generated/ is not exactly what generate would write
check:
	$(GO) run ./cmd/docs2go -check -out generated docs
	cd cmd/benchrun/runtimebench && $(GO) run ../../docs2go -check -pkg corpusgen -out corpusgen testdata/pages 2>/dev/null

## test: vet, then every test of the project and of the generated package
test: vet
	$(GO) test ./...

vet:
	$(GO) vet ./...

## race: every test under the race detector; -short skips the builds of generated packages and the corpus parts
race:
	$(GO) test -race -short ./...

## golden: rewrite the golden files of the parser, linker, generator and apidiff tests (review the diff!)
golden:
	$(GO) test ./parser/ ./parser/link/ ./generator/ ./generator/apidiff/ -update

## corpus: conformance run on the shared Graph corpus (both versions): generate, build, vet, test, with figures
corpus:
	$(GO) run ./cmd/corpusrun -corpus $(CORPUS)

## bench: the generated handler and client vs a hand-written stdlib peer (ns/op, B/op, allocs/op, ratios), the
## runtime's router vs ServeMux (BenchmarkRouter), then
## docs2go end to end vs a goldmark parse-only floor on the shared corpus (ratios, wall time, peak RSS, pages/s)
bench:
	$(GO) run ./cmd/benchrun -runtime -runs 5
	$(GO) test -run='^$$' -bench=. -benchmem ./parser/ ./parser/link/ ./parser/check/ ./generator/ ./templates/runtime/
	$(GO) build -o _build/docs2go ./cmd/docs2go
	$(GO) run ./cmd/benchrun -corpus $(CORPUS) -docs2go _build/docs2go

## ab: docs2go binary OLD (built from an earlier commit) against this tree's, RUNS interleaved runs of each on both
## corpus versions: medians of wall, CPU (user+sys) and peak RSS, and the new/old ratios
RUNS ?= 5
ab:
	@test -n "$(OLD)" || { echo 'usage: make ab OLD=path/to/old/docs2go [RUNS=5]' >&2; exit 2; }
	$(GO) build -o _build/docs2go ./cmd/docs2go
	$(GO) run ./cmd/benchrun -corpus $(CORPUS) -against $(OLD) -docs2go _build/docs2go -runs $(RUNS)

## fuzz: run every fuzz target for FUZZTIME each, a duration or a count (CI runs 50000x; plain go test replays the seeds)
FUZZTIME ?= 60s
fuzz:
	$(GO) test ./parser -run='^$$' -fuzz='^FuzzParsePage$$' -fuzztime=$(FUZZTIME)
	$(GO) test ./parser -run='^$$' -fuzz='^FuzzHTTPMessage$$' -fuzztime=$(FUZZTIME)
	$(GO) test ./parser -run='^$$' -fuzz='^FuzzAnnotation$$' -fuzztime=$(FUZZTIME)
	$(GO) test ./parser/link -run='^$$' -fuzz='^FuzzLink$$' -fuzztime=$(FUZZTIME)
	$(GO) test ./internal/jsontree -run='^$$' -fuzz='^FuzzReadJSON$$' -fuzztime=$(FUZZTIME)
	$(GO) test ./generator -run='^$$' -fuzz='^FuzzGoName$$' -fuzztime=$(FUZZTIME)
	$(GO) test ./generator -run='^$$' -fuzz='^FuzzEndpointNameLevels$$' -fuzztime=$(FUZZTIME)
	$(GO) test ./generator -run='^$$' -fuzz='^FuzzParseRoute$$' -fuzztime=$(FUZZTIME)
	$(GO) test ./generator/internal/gofast -run='^$$' -fuzz='^FuzzDecl$$' -fuzztime=$(FUZZTIME)
	$(GO) test ./templates/runtime -run='^$$' -fuzz='^FuzzRouter$$' -fuzztime=$(FUZZTIME)
	$(GO) test ./templates/runtime -run='^$$' -fuzz='^FuzzDecodeMatchesEncodingJSON$$' -fuzztime=$(FUZZTIME)
	$(GO) test ./templates/runtime -run='^$$' -fuzz='^FuzzHandlerDecodeMatchesTwoPass$$' -fuzztime=$(FUZZTIME)
	$(GO) test ./templates/runtime -run='^$$' -fuzz='^FuzzPageDecodeMatchesEncodingJSON$$' -fuzztime=$(FUZZTIME)
	$(GO) test ./templates/runtime -run='^$$' -fuzz='^FuzzArrayLen$$' -fuzztime=$(FUZZTIME)

// Package check validates what reference pages show against what they
// declare: example JSON bodies against the documented types, example
// request URLs against the page's path templates, annotation keys and block
// types, Content-Length headers and create pages' 201 examples.
//
// It is docs2go's answer to ApiDoctor's check-docs (shared/notes/apidoctor.md
// §4): every finding carries a file:line:col inside the page, and request
// bodies are checked against the property tables, which ApiDoctor never does.
//
// Two entry points serve two callers:
//
//   - Example, (*Checker).Body, Endpoints and Pages produce diagnostics for
//     the lint command;
//   - Conforms, (*Checker).Conforms and (*Checker).Fit (which also gives
//     the first reason, positioned in the page) answer the generator's
//     question "would this body decode into the generated type without
//     failing or losing data?", which decides whether a golden test can be
//     emitted. The generator has no other implementation of it.
//
// The two agree on the value rules (values.go); lint is stricter only in
// ways the generated code tolerates (unknown properties and enum members,
// missing required properties, derived types named by @odata.type).
//
// Bodies are read by internal/jsontree, strictly (what encoding/json
// accepts), reusing the tree the linker kept on the block when there is
// one. The package depends on the standard library, parser/ir and
// internal/jsontree only, never panics, and its output does not depend on
// map order.
package check

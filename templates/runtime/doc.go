// Package runtime is the support code that docs2go copies into every
// generated package: the tri-state Opt type, OData scalar types, JSON
// object helpers that keep unknown properties, the OData error shape, and the
// handler and client plumbing.
//
// It is a real package so that the code is compiled and unit-tested in
// place; the generator copies each file (except this one, export.go, which
// the generator itself uses, and the *_unit_test.go files) into the output
// and replaces the package clause.
// Identifiers are unexported where the generated code is the only user.
package runtime

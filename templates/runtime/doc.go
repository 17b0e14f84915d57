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
//
// Every generated package compiles this code again, so its compile cost
// counts: it sorts with package sort, not slices, because a generic sort
// is compiled into the package for each element type (some fifteen
// functions each; the seven sorts made a fifth of the runtime's machine
// code and an eighth of its compile time) while sort's are compiled once,
// in the standard library.
package runtime

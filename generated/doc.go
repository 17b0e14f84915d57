// Package generated is the output of docs2go for the pages in ../docs: model
// types, net/http handler stubs, a client and golden tests for every create
// endpoint those pages document. Every other file in this folder is
// generated; edit the pages in ../docs and run `go generate` (or
// `make generate` at the repository root) instead of editing them.
package generated

//go:generate go run ../cmd/docs2go -out . ../docs

// Package apidiff compares the Go API that docs2go generates from two
// versions of a doc set and classifies every difference: what a Go caller
// must change (breaking), what a client of a generated server must change
// (breaking for servers: a new required property, a tighter check), and
// what needs nothing (compatible).
//
// It reads the linked models (ir.DocSet) for the documented facts and the
// generator's names (generator.API) for the identifiers a change affects.
package apidiff

import (
	"cmp"
	"slices"
)

// Kind is what a change is about.
type Kind string

const (
	KindEndpoint   Kind = "endpoint"
	KindType       Kind = "type" // a struct
	KindEnum       Kind = "enum"
	KindProperty   Kind = "property"
	KindEnumMember Kind = "enum-member"
)

// kindOrder is the order of the groups in every output.
var kindOrder = []Kind{KindEndpoint, KindType, KindEnum, KindProperty, KindEnumMember}

// What is the change itself.
type What string

const (
	Added             What = "added"
	Removed           What = "removed"
	Renamed           What = "renamed"            // endpoints: same route, other method; types: same structure, other name; Go name changes
	MethodChanged     What = "method-changed"     // HTTP method
	RouteAdded        What = "route-added"        // a request line the endpoint also serves
	RouteRemoved      What = "route-removed"      // a request line it no longer serves
	BodyChanged       What = "body-changed"       // the request body's Go type
	ResultChanged     What = "result-changed"     // the answer's Go type
	PermissionAdded   What = "permission-added"   // a scope that now also grants access
	PermissionRemoved What = "permission-removed" // a scope that no longer grants access
	HeaderRequired    What = "header-required"    // a request header that became required
	HeaderOptional    What = "header-optional"    // a required header that no longer is
	TypeChanged       What = "type-changed"       // a property's type
	BecameRequired    What = "became-required"
	BecameOptional    What = "became-optional"
	BecameReadOnly    What = "became-read-only"
	BecameWritable    What = "became-writable"
	BecameNullable    What = "became-nullable"
	BecameNonNullable What = "became-non-nullable"
	BaseChanged       What = "base-changed"
	DescriptionEdited What = "description-changed" // reported only with Options.All
)

// Class says who must act on a change.
type Class string

const (
	Breaking        Class = "breaking"         // Go callers of the generated package must change their code
	BreakingServers Class = "breaking-servers" // clients of a generated server may now be refused
	Compatible      Class = "compatible"
)

// classRank orders classes from the most to the least severe.
func classRank(c Class) int {
	switch c {
	case Breaking:
		return 0
	case BreakingServers:
		return 1
	}
	return 2
}

// AtLeast reports whether c is as severe as min or more.
func (c Class) AtLeast(min Class) bool { return classRank(c) <= classRank(min) }

// Pos is a place in a page: the file as the caller names it and a 1-based
// line.
type Pos struct {
	File string `json:"file"`
	Line int    `json:"line"`
}

// Change is one difference between the versions. Old is set for what
// existed before (removals, changes), New for what exists now.
type Change struct {
	Kind   Kind   `json:"kind"`
	Change What   `json:"change"`
	Name   string `json:"name"` // documented name: "POST /users", "microsoft.graph.user", "microsoft.graph.user.businessPhones"
	Go     string `json:"go"`   // Go identifier: "Client.CreateUser", "User", "User.BusinessPhones", "UserTypeGuest"
	Class  Class  `json:"class"`
	Old    *Pos   `json:"old"`
	New    *Pos   `json:"new"`
	Detail string `json:"detail"`
}

// sortChanges orders changes by kind group, then name, then change.
func sortChanges(cs []Change) {
	slices.SortStableFunc(cs, func(a, b Change) int {
		return cmp.Or(cmp.Compare(slices.Index(kindOrder, a.Kind), slices.Index(kindOrder, b.Kind)),
			cmp.Compare(a.Name, b.Name), cmp.Compare(a.Change, b.Change), cmp.Compare(a.Detail, b.Detail))
	})
}

// Count is the number of changes per class.
type Count struct{ Breaking, BreakingServers, Compatible int }

// Counts tallies cs by class.
func Counts(cs []Change) Count {
	var n Count
	for _, c := range cs {
		switch c.Class {
		case Breaking:
			n.Breaking++
		case BreakingServers:
			n.BreakingServers++
		default:
			n.Compatible++
		}
	}
	return n
}

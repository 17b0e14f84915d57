package link

import (
	"fmt"
	"strings"
	"testing"

	"github.com/docs2go/docs2go/parser/corpustest"
	"github.com/docs2go/docs2go/parser/ir"
)

// kindOf classifies an operation page as Link does: a create first, else
// its kind; "" when the page has no method at all.
func kindOf(p *ir.Page) ir.OpKind {
	if createMethod(p.Operation) != "" {
		return ir.OpCreate
	}
	if ops := operationsOf(p, p.Operation, ""); len(ops) > 0 {
		return ops[0].kind
	}
	return ""
}

// TestCorpusKinds classifies every operation page of both snapshots and
// checks the count of each kind against the survey of the corpus (within
// 3 %, and at least 5 pages): a regression of the classification rules
// moves pages from one kind to another.
func TestCorpusKinds(t *testing.T) {
	want := map[string]map[ir.OpKind]int{
		// The survey of the 2020 corpus counts v1.0 1,563 and beta 3,942
		// operation pages: function 103/146, get 305/789, list 315/798,
		// create 205/594, action 225/434, update 210/590, delete 187/567,
		// PUT 13/24. Here the functions written as POST
		// (columnsAfter(count=n), beta educationclass-delta.md) are
		// functions, not actions, and the PUTs answering 201 creates.
		"graph-docs-2020/v1.0": {ir.OpFunction: 108, ir.OpGet: 303, ir.OpList: 317, ir.OpCreate: 209,
			ir.OpAction: 220, ir.OpUpdate: 210, ir.OpDelete: 187, ir.OpPut: 9},
		"graph-docs-2020/beta": {ir.OpFunction: 154, ir.OpGet: 790, ir.OpList: 797, ir.OpCreate: 597,
			ir.OpAction: 427, ir.OpUpdate: 590, ir.OpDelete: 567, ir.OpPut: 20},
		// graph-docs-2019 (v1.0 1,388, beta 3,065 operation pages), as
		// measured when these rules were written.
		"graph-docs-2019/v1.0": {ir.OpFunction: 106, ir.OpGet: 273, ir.OpList: 282, ir.OpCreate: 190,
			ir.OpAction: 166, ir.OpUpdate: 202, ir.OpDelete: 167, ir.OpPut: 2},
		"graph-docs-2019/beta": {ir.OpFunction: 132, ir.OpGet: 623, ir.OpList: 621, ir.OpCreate: 469,
			ir.OpAction: 308, ir.OpUpdate: 470, ir.OpDelete: 429, ir.OpPut: 13},
	}
	for _, snap := range corpustest.Snapshots {
		for _, version := range []string{"v1.0", "beta"} {
			t.Run(snap+"/"+version, func(t *testing.T) {
				got := map[ir.OpKind]int{}
				total := 0
				for _, p := range corpustest.SnapshotPages(t, snap, version) {
					if p.Operation == nil || p.Kind != ir.PageAPI || strings.Contains(p.File, "/resources/") {
						continue
					}
					total++
					got[kindOf(p)]++
				}
				t.Logf("%d operation pages: %s", total, kindCounts(got))
				for k, n := range want[snap+"/"+version] {
					if d := got[k] - n; d*d > max(25, n*n*9/10000) {
						t.Errorf("%s pages: %d, want %d (±3%%)", k, got[k], n)
					}
				}
			})
		}
	}
}

func kindCounts(m map[ir.OpKind]int) string {
	s := ""
	for _, k := range append([]ir.OpKind{""}, ir.OpKinds...) {
		if m[k] > 0 {
			s += fmt.Sprintf(" %s=%d", k, m[k])
		}
	}
	return s
}

package parser

import (
	"regexp"
	"strings"

	"github.com/docs2go/docs2go/parser/ir"
)

// linkDefRe matches a reference-style link definition line "[x]: dest".
var linkDefRe = regexp.MustCompile(`^ {0,3}\[([^\]]+)\]:\s*<?([^\s>]+)>?`)

// mayBeLinkDef is a cheap filter before linkDefRe, which runs on every
// paragraph line and every line of the page: a definition starts with at
// most three spaces and "[", and has "]:".
func mayBeLinkDef(l string) bool {
	t := strings.TrimLeft(l, " ")
	return len(l)-len(t) <= 3 && strings.HasPrefix(t, "[") && strings.Contains(t, "]:")
}

// scanLinkDefs collects the reference-style link definitions of the page
// (old OneDrive pages: `[identitySet][]` in type cells, v1.0/resources/baseitem.md).
// goldmark keeps them in its parser context without positions, and tables
// need them before the walk reaches the end of the page, so they are read
// here with a fence-aware line scan.
func scanLinkDefs(src string, base int, li *lineIndex) []ir.LinkDef {
	if !strings.Contains(src[base:], "]:") {
		return nil
	}
	var defs []ir.LinkDef
	inFence := false
	for rel, l := range eachLine(src[base:]) {
		if t := strings.TrimSpace(l); strings.HasPrefix(t, "```") || strings.HasPrefix(t, "~~~") {
			inFence = !inFence
			continue
		}
		if inFence {
			continue
		}
		if !mayBeLinkDef(l) {
			continue
		}
		if m := linkDefRe.FindStringSubmatch(l); m != nil && !strings.HasPrefix(m[1], "!") {
			defs = append(defs, ir.LinkDef{
				Label:       strings.ToLower(strings.TrimSpace(m[1])),
				Destination: m[2],
				Pos:         li.pos(base + rel),
			})
		}
	}
	return defs
}

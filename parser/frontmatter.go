package parser

import (
	"strings"

	"github.com/docs2go/docs2go/parser/ir"
)

// frontMatter is the YAML block at the top of every page.
type frontMatter struct {
	fields []ir.MetaField
	end    int // offset of the first byte after the front matter (0 when none)
}

// parseFrontMatter reads the front matter starting at offset base (after a
// BOM). goldmark has no front-matter support: left in place it becomes a
// ThematicBreak plus a setext H2 (corpus §7), so the caller parses only
// src[end:]. Tolerates "--- " with trailing spaces, blank lines inside and
// CRLF line ends; an unclosed block ends at the first line that is not a
// "key: value" pair.
func parseFrontMatter(src string, base int, li *lineIndex, diags *ir.Diagnostics) frontMatter {
	rest := src[base:]
	first, _, _ := strings.Cut(rest, "\n")
	if rest == "" || strings.TrimRight(strings.TrimSuffix(first, "\r"), " \t") != "---" {
		return frontMatter{end: base}
	}
	var fm frontMatter
	open := false     // inside a double-quoted value that spans lines (v1.0/resources/intune-mam-*managedappregistration.md)
	var cont []string // its lines so far, joined once: appending to the value is quadratic on a hostile page
	for rel, line := range eachLine(rest) {
		if rel == 0 {
			continue // the opening "---"
		}
		off := base + rel
		if open {
			cont = append(cont, strings.TrimSpace(line))
			if open = !strings.HasSuffix(strings.TrimSpace(line), `"`); !open {
				fm.continueLast(cont, true)
				cont = nil
			}
			continue
		}
		if strings.TrimRight(line, " \t") == "---" {
			fm.end = lineEnd(src, off)
			return fm
		}
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, " ") ||
			strings.HasPrefix(line, "-") {
			continue // blank line (beta/resources/subscription.md), continuation or list item
		}
		key, val, ok := strings.Cut(line, ":")
		if !ok || strings.ContainsAny(key, " \t") {
			diags.Warnf(li.pos(off), ir.CodeFrontMatter, "front matter: unclosed, ended before line %q", clip(line, 40))
			fm.end = off
			return fm
		}
		v := strings.TrimSpace(val)
		open = strings.HasPrefix(v, `"`) && (len(v) == 1 || !strings.HasSuffix(v, `"`))
		fm.add(strings.TrimSpace(key), v, li.pos(off), diags)
	}
	if open {
		fm.continueLast(cont, false)
	}
	diags.Warnf(li.pos(base), ir.CodeFrontMatter, "front matter: no closing \"---\"")
	fm.end = len(src)
	return fm
}

// continueLast appends the continuation lines of a multi-line value to the
// last field, unquoting it when the closing quote was seen.
func (fm *frontMatter) continueLast(lines []string, closed bool) {
	last := &fm.fields[len(fm.fields)-1]
	last.Value += " " + strings.Join(lines, " ")
	if closed {
		last.Value = unquote(last.Value)
	}
}

// typicalFrontMatter covers the front matter of nearly every page: 6
// fields (title, description, localization_priority, author, ms.prod,
// doc_type), a few 7 or 8. Growing the slice from one was four
// allocations a page.
const typicalFrontMatter = 8

func (fm *frontMatter) add(key, val string, pos ir.Pos, diags *ir.Diagnostics) {
	v := unquote(strings.TrimSpace(val))
	if isTODO(v) {
		diags.Warnf(pos, ir.CodeTodoPlaceholder, "front matter: %s is a TODO placeholder", key)
	}
	if fm.fields == nil {
		fm.fields = make([]ir.MetaField, 0, typicalFrontMatter) // stays nil without fields
	}
	fm.fields = append(fm.fields, ir.MetaField{Key: key, Value: v, Pos: pos})
}

// get returns the value of key, "" when absent.
func (fm *frontMatter) get(key string) string {
	for _, f := range fm.fields {
		if f.Key == key {
			return f.Value
		}
	}
	return ""
}

// unquote removes YAML double or single quotes.
func unquote(s string) string {
	if len(s) >= 2 {
		switch {
		case s[0] == '"' && s[len(s)-1] == '"':
			return strings.ReplaceAll(s[1:len(s)-1], `\"`, `"`)
		case s[0] == '\'' && s[len(s)-1] == '\'':
			return strings.ReplaceAll(s[1:len(s)-1], "''", "'")
		}
	}
	return s
}

// lineEnd returns the offset just after the line starting at off.
func lineEnd(src string, off int) int {
	if i := strings.IndexByte(src[off:], '\n'); i >= 0 {
		return off + i + 1
	}
	return len(src)
}

// isTODO reports whether s holds a stub "**TODO: ...**" placeholder (the seed).
func isTODO(s string) bool { return strings.Contains(s, "TODO:") }

func clip(s string, n int) string {
	if len(s) > n {
		return s[:n] + "..."
	}
	return s
}

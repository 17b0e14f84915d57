package apidiff

import (
	"fmt"
	"io"
	"strings"
)

// Markdown limits: a pull-request comment holds 65,536 characters. The
// breaking changes may fill most of it; the compatible ones get the rest.
const (
	maxMarkdownBytes = 60000
	maxBreakingBytes = 45000
	// minGroup is how many structs must share one property change for the
	// markdown to show them on one row (a property added to a base type
	// reaches every derived struct: 113 in the 2020 beta reference).
	minGroup = 3
)

func writeMarkdown(w io.Writer, changes []Change) {
	var b strings.Builder
	fmt.Fprintf(&b, "**docs2go diff**: %s\n", Summary(changes))
	var breaking, rest []Change
	for _, c := range changes {
		if c.Class.AtLeast(BreakingServers) {
			breaking = append(breaking, c)
		} else {
			rest = append(rest, c)
		}
	}
	if len(breaking) > 0 {
		fmt.Fprintf(&b, "\n### Breaking changes\n\n")
		markdownTable(&b, groupRows(breaking), maxBreakingBytes)
	}
	if len(rest) > 0 {
		fmt.Fprintf(&b, "\n<details><summary>Compatible changes (%d)</summary>\n\n", len(rest))
		markdownTable(&b, groupRows(rest), maxMarkdownBytes-b.Len())
		fmt.Fprintf(&b, "\n</details>\n")
	}
	io.WriteString(w, b.String())
}

// row is one line of a markdown table: a change, or the same property
// change on several structs.
type row struct {
	c    Change
	more int // other structs with the same change
}

// groupRows puts the same change of a property of one name (same class
// and detail) on one row when minGroup structs or more share it, at the
// place of the first.
func groupRows(changes []Change) []row {
	key := func(c Change) string {
		if c.Kind != KindProperty {
			return ""
		}
		return strings.Join([]string{string(c.Class), string(c.Change), propertyName(c.Name), c.Detail}, "\x00")
	}
	count := map[string]int{}
	for _, c := range changes {
		if k := key(c); k != "" {
			count[k]++
		}
	}
	var rows []row
	at := map[string]int{} // group key → index in rows
	for _, c := range changes {
		k := key(c)
		if k == "" || count[k] < minGroup {
			rows = append(rows, row{c: c})
			continue
		}
		if i, ok := at[k]; ok {
			rows[i].more++
			continue
		}
		at[k] = len(rows)
		rows = append(rows, row{c: c})
	}
	return rows
}

// propertyName is the last element of a property's qualified name.
func propertyName(name string) string {
	return name[strings.LastIndexByte(name, '.')+1:]
}

// markdownTable writes rows while they fit in budget bytes, then says how
// many were left out.
func markdownTable(b *strings.Builder, rows []row, budget int) {
	const head = "| class | change | name | Go | where | detail |\n|---|---|---|---|---|---|\n"
	b.WriteString(head)
	used := len(head)
	for i, r := range rows {
		line := markdownRow(r)
		if used+len(line) > budget-100 { // room for the note
			fmt.Fprintf(b, "\n…and %d more rows (run `docs2go diff` for all of them).\n", len(rows)-i)
			return
		}
		b.WriteString(line)
		used += len(line)
	}
}

func markdownRow(r row) string {
	c := r.c
	name, goName := cell(c.Name), code(c.Go)
	if r.more > 0 {
		name += fmt.Sprintf(" and the same property of %d more types", r.more)
		goName += fmt.Sprintf(" and %d more", r.more)
	}
	return fmt.Sprintf("| %s | %s %s | %s | %s | %s | %s |\n", c.Class, c.Kind, c.Change, name, goName,
		cell(where(c)), cell(c.Detail))
}

// cell escapes text for a table cell.
func cell(s string) string {
	return strings.NewReplacer("|", `\|`, "\n", " ", "<", "&lt;", ">", "&gt;").Replace(s)
}

func code(s string) string {
	if s == "" {
		return ""
	}
	return "`" + s + "`"
}

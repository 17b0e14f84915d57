package apidiff

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
)

// Formats lists the output formats Write accepts.
var Formats = []string{"text", "json", "markdown"}

// Write prints changes in format: "text" (one line per change, grouped by
// kind), "json" ({"changes": [...]}, the stable contract) or "markdown"
// (short enough for a pull-request comment).
func Write(w io.Writer, format string, changes []Change) error {
	bw := bufio.NewWriter(w)
	var err error
	switch format {
	case "json":
		err = writeJSON(bw, changes)
	case "markdown":
		writeMarkdown(bw, changes)
	case "text":
		writeText(bw, changes)
	default:
		return fmt.Errorf("unknown format %q", format)
	}
	if err != nil {
		return err
	}
	return bw.Flush()
}

func writeJSON(w io.Writer, changes []Change) error {
	if changes == nil {
		changes = []Change{}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(struct {
		Changes []Change `json:"changes"`
	}{changes})
}

// Summary is the one-line count of changes by class.
func Summary(changes []Change) string {
	n := Counts(changes)
	return fmt.Sprintf("%d breaking, %d breaking for servers, %d compatible", n.Breaking, n.BreakingServers, n.Compatible)
}

// groupTitles are the text output's group headings.
var groupTitles = map[Kind]string{KindEndpoint: "Endpoints", KindType: "Types", KindEnum: "Enums",
	KindProperty: "Properties", KindEnumMember: "Enum members"}

func writeText(w io.Writer, changes []Change) {
	fmt.Fprintln(w, Summary(changes))
	var kind Kind
	for _, c := range changes {
		if c.Kind != kind {
			kind = c.Kind
			fmt.Fprintf(w, "\n%s:\n", groupTitles[kind])
		}
		fmt.Fprintf(w, "  %s: %s %s", where(c), c.Class, c.Change)
		fmt.Fprintf(w, " %s", c.Name)
		if c.Go != "" {
			fmt.Fprintf(w, " (%s)", c.Go)
		}
		if c.Detail != "" {
			fmt.Fprintf(w, ": %s", c.Detail)
		}
		fmt.Fprintln(w)
	}
}

// where is the page a reader opens for a change: the new one, the old one
// for a removal.
func where(c Change) string {
	p := c.New
	if c.Change == Removed && c.Old != nil || p == nil {
		p = c.Old
	}
	if p == nil {
		return "-"
	}
	return fmt.Sprintf("%s:%d", p.File, p.Line)
}

package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/docs2go/docs2go/generator"
	"github.com/docs2go/docs2go/parser/ir"
)

// The endpoint selection of .docs2go.json:
//
//	{"include": ["CreateUser", "POST /users/{id}/messages", "api/intune-*.md"],
//	 "exclude": ["/deviceManagement/**"]}
//
// selects the endpoints generated (generator.Pattern says how each kind of
// pattern matches). -include and -exclude, given on the command line,
// replace the config's list of the same kind for one run.

// selectionPatterns reads the "include" and "exclude" strings of a config
// with the position of each, so that a pattern matching nothing is
// reported where it is written. data is already known to be valid JSON of
// the config's shape.
func selectionPatterns(name string, data []byte) (generator.Selection, error) {
	var sel generator.Selection
	dec := json.NewDecoder(bytes.NewReader(data))
	if _, err := dec.Token(); err != nil { // {
		return sel, fmt.Errorf("%s: %v", name, err)
	}
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return sel, fmt.Errorf("%s: %v", name, err)
		}
		var list *[]generator.Pattern
		switch tok {
		case "include":
			list = &sel.Include
		case "exclude":
			list = &sel.Exclude
		default:
			var skip json.RawMessage
			if err := dec.Decode(&skip); err != nil {
				return sel, fmt.Errorf("%s: %v", name, err)
			}
			continue
		}
		if err := readPatterns(dec, name, data, list); err != nil {
			return sel, fmt.Errorf("%s: %s: %v", name, tok, err)
		}
	}
	return sel, nil
}

// readPatterns reads a JSON array of strings, each with its position.
func readPatterns(dec *json.Decoder, name string, data []byte, list *[]generator.Pattern) error {
	if tok, err := dec.Token(); err != nil || tok != json.Delim('[') {
		return fmt.Errorf("want a list of patterns")
	}
	for dec.More() {
		tok, err := dec.Token()
		s, isString := tok.(string)
		if err != nil || !isString {
			return fmt.Errorf("want a list of patterns")
		}
		pos := offsetPos(name, data, stringStart(data, int(dec.InputOffset())))
		if strings.TrimSpace(s) == "" {
			return fmt.Errorf("%s: empty pattern", pos)
		}
		*list = append(*list, generator.Pattern{Text: s, Pos: pos})
	}
	_, err := dec.Token() // ]
	return err
}

// stringStart finds the opening quote of the JSON string that ends at end.
func stringStart(data []byte, end int) int {
	for i := end - 2; i >= 0; i-- {
		if data[i] != '"' {
			continue
		}
		slashes := 0
		for j := i - 1; j >= 0 && data[j] == '\\'; j-- {
			slashes++
		}
		if slashes%2 == 0 {
			return i
		}
	}
	return 0
}

// offsetPos is the 1-based line and column (in bytes) of data[off].
func offsetPos(name string, data []byte, off int) ir.Pos {
	line := 1 + bytes.Count(data[:off], []byte("\n"))
	col := off - bytes.LastIndexByte(data[:off], '\n')
	return ir.Pos{File: name, Line: line, Col: col}
}

// flagPatterns turns the patterns of a repeatable flag into a selection
// list; their position names the flag.
func flagPatterns(flagName string, values []string) []generator.Pattern {
	var ps []generator.Pattern
	for _, v := range values {
		ps = append(ps, generator.Pattern{Text: v, Pos: ir.Pos{File: "-" + flagName}})
	}
	return ps
}

// selectionKey identifies a selection for the run cache: a run with
// another selection writes other files.
func selectionKey(sel generator.Selection) string {
	if sel.Empty() {
		return ""
	}
	var b strings.Builder
	for _, p := range sel.Include {
		b.WriteString("\x00+" + p.Text)
	}
	for _, p := range sel.Exclude {
		b.WriteString("\x00-" + p.Text)
	}
	return b.String()
}

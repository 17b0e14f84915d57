package parser

import (
	"bytes"
	"os"
	"runtime"
	"strings"
	"testing"
	"time"
)

func TestZZProbe(t *testing.T) {
	n := 1 << 20
	rep := func(s string) []byte { return bytes.Repeat([]byte(s), n/len(s)+1)[:n] }
	cases := map[string][]byte{
		"gt":        rep(">"),
		"gtsp":      rep("> "),
		"list":      rep("- "),
		"list2":     rep("1. "),
		"brackets":  rep("["),
		"imgbr":     rep("!["),
		"stars":     rep("*a "),
		"stars2":    rep("**"),
		"under":     rep("_a "),
		"backticks": rep("`a``"),
		"lt":        rep("<"),
		"ltbang":    rep("<!--"),
		"amp":       rep("&"),
		"linkref":   rep("[a]: b\n"),
		"linksp":    []byte("## Request body\n\n" + strings.Repeat("[a](http://x) ", n/14)),
		"fmquote":   []byte("---\ntitle: \"\n" + strings.Repeat("a\n", n/2)),
		"annnest":   []byte("<!-- {\"a\":" + strings.Repeat("[", n) + " -->\n"),
		"annnest2":  []byte("<!-- " + strings.Repeat("{\"a\":", n/5) + " -->\n"),
		"tablewide": []byte(strings.Repeat("|a", n/8) + "\n" + strings.Repeat("|-", n/8) + "\n" + strings.Repeat("|\n", n/4)),
		"tablewide2": []byte(strings.Repeat("|a", 1000) + "\n" + strings.Repeat("|-", 1000) + "\n" + strings.Repeat("|\n", n/4)),
		"fences":    rep("```\n"),
		"headings":  rep("## Request body\n"),
		"pipes":     rep("|"),
		"nl":        rep("\n"),
		"crs":       rep("\r"),
		"nul":       rep("\x00"),
		"ent":       rep("&#"),
		"htmlblk":   rep("<div>\n"),
		"setext":    rep("a\n=\n"),
		"tabs":      rep("\t"),
		"spacelist": []byte(strings.Repeat(" ", n) + "- a"),
		"nestedlist": func() []byte { var b bytes.Buffer; for i := 0; b.Len() < n; i++ { b.WriteString(strings.Repeat(" ", 2*(i%5000)) + "- a\n") }; return b.Bytes() }(),
		"nestedquotefence": []byte(strings.Repeat(">", n) + "```\n"),
		"emphlink":  rep("*[a](b)"),
		"bslash":    rep("\\"),
		"autolinks": rep("<http://a"),
		"codeopen": []byte(strings.Repeat("`", n)),
		"codespans": func() []byte { var b bytes.Buffer; for i := 1; b.Len() < n; i++ { b.WriteString(strings.Repeat("`", i) + "a") }; return b.Bytes() }(),
	}
	only := os.Getenv("PROBE")
	for name, src := range cases {
		if only != "" && only != name {
			continue
		}
		runtime.GC()
		var m0, m1 runtime.MemStats
		runtime.ReadMemStats(&m0)
		start := time.Now()
		_, d := ParsePage("p.md", src)
		el := time.Since(start)
		runtime.ReadMemStats(&m1)
		t.Logf("%-12s %8d B  %v  alloc %d MiB  diags %d", name, len(src), el, (m1.TotalAlloc-m0.TotalAlloc)>>20, len(d))
	}
}

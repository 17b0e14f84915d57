package generator

import (
	"bytes"

	"github.com/docs2go/docs2go/templates"
)

// emitSupport copies the runtime support files, with the package clause
// replaced by opts.Package and the generated-code header prepended
// (templates_test checks that each file starts with its package clause).
func (o *output) emitSupport() {
	for _, f := range templates.Support() {
		src := bytes.TrimPrefix(f.Src, []byte("package runtime\n"))
		var b bytes.Buffer
		b.WriteString("// " + sharedHeader + "\n\npackage " + o.em.pkg + "\n")
		b.Write(src)
		o.add(supportPath(f.Name), b.Bytes())
	}
}

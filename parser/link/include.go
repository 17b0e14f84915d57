package link

import (
	"slices"
	"strings"

	"github.com/docs2go/docs2go/parser/ir"
)

// permissions returns the permission rows of an API page: its own table,
// else the rows of the permissions files it includes. 2023+ snapshots write
// `[!INCLUDE [permissions-table](../includes/permissions/x-permissions.md)]`
// instead of the table; the include file is one more page of the doc set
// when the user passes the whole docs version folder.
func (l *linker) permissions(p *ir.Page, op *ir.Operation) []ir.Permission {
	if len(op.Permissions) > 0 {
		return slices.Clone(op.Permissions)
	}
	var out []ir.Permission
	for _, inc := range op.PermissionIncludes {
		src := l.includedPage(p.File, inc.Destination)
		switch {
		case src == nil:
			// expected when only api/ was passed; a defect when the file is missing from the docs
			l.diags.Warnf(inc.Pos, ir.CodeUnresolvedInclude, "permissions: include %s not among the pages read (pass the whole docs version folder to read it)", inc.Destination)
		case src.Operation == nil || len(src.Operation.Permissions) == 0:
			l.diags.Warnf(inc.Pos, ir.CodeEmptyInclude, "permissions: include %s has no permissions table", inc.Destination)
		default:
			out = append(out, slices.Clone(src.Operation.Permissions)...)
		}
	}
	return out
}

// includedPage resolves an include path relative to the including page the
// way type links are resolved: exact path, then case-insensitively.
func (l *linker) includedPage(from, dest string) *ir.Page {
	file, _, ok := targetFile(from, dest)
	if !ok {
		return nil
	}
	if p := l.byFile[file]; p != nil {
		return p
	}
	return l.byFileLower[strings.ToLower(file)]
}

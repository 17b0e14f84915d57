package main

import "reflect"

// renamePages rewrites, in place, every page name the model holds (Pos.File,
// Page.File, Endpoint.Page, Skip.Page) to the path the user gave, so -ir
// names files as the diagnostics and -report do. It walks the model by
// reflection so a field added to package ir is not missed; pointers are
// followed once (types point at each other).
func renamePages(v any, names displayNames) {
	renameIn(reflect.ValueOf(v), names, map[uintptr]bool{})
}

func renameIn(v reflect.Value, names displayNames, seen map[uintptr]bool) {
	switch v.Kind() {
	case reflect.Pointer:
		if v.IsNil() || seen[v.Pointer()] {
			return
		}
		seen[v.Pointer()] = true
		renameIn(v.Elem(), names, seen)
	case reflect.Slice, reflect.Array:
		for i := range v.Len() {
			renameIn(v.Index(i), names, seen)
		}
	case reflect.Struct:
		for i := range v.NumField() {
			f := v.Field(i)
			if !f.CanSet() {
				continue
			}
			name := v.Type().Field(i).Name // every such string field of package ir is a page name
			if f.Kind() == reflect.String && (name == "Page" || name == "File") {
				f.SetString(names.of(f.String()))
				continue
			}
			renameIn(f, names, seen)
		}
	}
}

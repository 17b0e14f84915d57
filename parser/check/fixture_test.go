package check

import "github.com/docs2go/docs2go/parser/ir"

func prim(name string) ir.TypeRef { return ir.TypeRef{Name: name, Primitive: true} }

func prims(name string) ir.TypeRef {
	return ir.TypeRef{Name: name, Primitive: true, Collection: true}
}

func ref(target string) ir.TypeRef { return ir.TypeRef{Name: target, Target: target} }

func refs(target string) ir.TypeRef {
	return ir.TypeRef{Name: target, Target: target, Collection: true}
}

func prop(name string, t ir.TypeRef) ir.Property { return ir.Property{Name: name, Type: t} }

// widgetProps are the properties of the fixture type microsoft.graph.widget.
func widgetProps() []ir.Property {
	return []ir.Property{
		prop("id", prim("String")),
		{Name: "displayName", Type: prim("String"), Required: true},
		{Name: "createdBy", Type: prim("String"), Required: true, ReadOnly: true},
		prop("count", prim("Int32")),
		prop("big", prim("Int64")),
		prop("small", prim("Int16")),
		prop("octet", prim("Byte")),
		prop("signed", prim("SByte")),
		prop("ratio", prim("Double")),
		prop("price", prim("Decimal")),
		prop("enabled", prim("Boolean")),
		prop("created", prim("DateTimeOffset")),
		prop("day", prim("Date")),
		prop("at", prim("TimeOfDay")),
		prop("span", prim("Duration")),
		prop("data", prim("Binary")),
		prop("key", prim("Guid")),
		prop("tags", prims("String")),
		prop("blobs", prims("Binary")),
		prop("status", ref("microsoft.graph.widgetStatus")),
		prop("flags", ref("microsoft.graph.widgetFlags")),
		prop("part", ref("microsoft.graph.part")),
		prop("parts", refs("microsoft.graph.part")),
		prop("extra", prim("Json")),
		prop("mystery", ir.TypeRef{Name: "mystery"}),
		prop("mysteries", ir.TypeRef{Name: "mystery", Collection: true}),
		prop("owner@odata.bind", prim("String")),
	}
}

// fixture is a small linked doc set: entity ← widget ← specialWidget,
// part, other, and two enums.
func fixture() *ir.DocSet {
	special := append(widgetProps(), prop("special", prim("Int32")))
	return &ir.DocSet{
		Types: []*ir.Type{
			{Name: "entity", Namespace: "microsoft.graph", Properties: []ir.Property{prop("id", prim("String"))},
				Derived: []string{"microsoft.graph.specialWidget", "microsoft.graph.widget"}},
			{Name: "other", Namespace: "microsoft.graph", Properties: []ir.Property{prop("x", prim("String"))}},
			{Name: "part", Namespace: "microsoft.graph", Properties: []ir.Property{
				prop("name", prim("String")), {Name: "size", Type: prim("Int32"), Required: true}}},
			{Name: "specialWidget", Namespace: "microsoft.graph", Base: "microsoft.graph.widget", Properties: special},
			{Name: "widget", Namespace: "microsoft.graph", Base: "microsoft.graph.entity", Properties: widgetProps(),
				Derived: []string{"microsoft.graph.specialWidget"}},
		},
		Enums: []*ir.Enum{
			{Name: "widgetFlags", Namespace: "microsoft.graph", Flags: true, Members: []ir.EnumMember{
				{Name: "red"}, {Name: "green"}, {Name: "blue"}}},
			{Name: "widgetStatus", Namespace: "microsoft.graph", Members: []ir.EnumMember{
				{Name: "active"}, {Name: "retired"}}},
		},
	}
}

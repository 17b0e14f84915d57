package check

import "strconv"

// step is one step of the JSON path to the value being checked: a
// member's key or an item's index. The walker keeps the path as a stack of
// steps and spells it ("value[0].address.city") only when a finding names
// it: most values have none, and building every member's and item's path
// string was a fifth of the walk.
type step struct {
	key   string // the member's key, when not an item
	index int    // the item's index, when item
	item  bool
}

// enter pushes the step to a member; leave pops it.
func (w *walker) enter(key string) { w.path = append(w.path, step{key: key}) }

// enterItem pushes the step to item i.
func (w *walker) enterItem(i int) { w.path = append(w.path, step{index: i, item: true}) }

func (w *walker) leave() { w.path = w.path[:len(w.path)-1] }

// pathString spells the current path: "" at the top level, members
// joined by ".", items as "[i]".
func (w *walker) pathString() string {
	s := ""
	for _, st := range w.path {
		switch {
		case st.item:
			s += "[" + strconv.Itoa(st.index) + "]"
		case s == "":
			s = st.key
		default:
			s += "." + st.key
		}
	}
	return s
}

// pathPrefix returns "path: ", or "" at the top level.
func (w *walker) pathPrefix() string {
	if s := w.pathString(); s != "" {
		return s + ": "
	}
	return ""
}

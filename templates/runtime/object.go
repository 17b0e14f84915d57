package runtime

import (
	"slices"
	"strings"
)

// skipSpace returns the index of the first byte at or after i that is
// not JSON whitespace.
func skipSpace(data []byte, i int) int {
	for i < len(data) && (data[i] == ' ' || data[i] == '\t' || data[i] == '\n' || data[i] == '\r') {
		i++
	}
	return i
}

// validEnum reports whether e is one of values; for flags enums every
// comma-separated part must be.
func validEnum[E ~string](e E, values []E, flags bool) bool {
	if !flags {
		return slices.Contains(values, e)
	}
	for part := range strings.SplitSeq(string(e), ",") {
		if !slices.Contains(values, E(strings.TrimSpace(part))) {
			return false
		}
	}
	return true
}

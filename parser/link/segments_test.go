package link

import (
	"slices"
	"testing"
)

func TestSegmentsOf(t *testing.T) {
	cases := []struct {
		line string
		want []string
	}{
		{"POST /me/events", []string{"POST", "me", "events"}},
		{"https://graph.microsoft.com/v1.0/me/drive/items/{item-id}/content?format=pdf", []string{"v1.0", "me", "drive", "items", "{item-id}", "content"}},
		{"GET /me/drive/root:/{path/and/file}:/content", []string{"GET", "me", "drive", "root:", "{path/and/file}:", "content"}},
		{"/workbook/worksheets/{id}/range(address='A1/B2')/format", []string{"workbook", "worksheets", "{id}", "range(address='A1/B2')", "format"}},
		{" /a// b /", []string{"a", "b"}},
		{"https://graph.microsoft.com", nil},
		{"", nil},
	}
	for _, c := range cases {
		if got := slices.Collect(segmentsOf(c.line)); !slices.Equal(got, c.want) {
			t.Errorf("segmentsOf(%q) = %q, want %q", c.line, got, c.want)
		}
		last := ""
		if len(c.want) > 0 {
			last = c.want[len(c.want)-1]
		}
		if got := lastSegment(c.line); got != last {
			t.Errorf("lastSegment(%q) = %q, want %q", c.line, got, last)
		}
	}
	// Stopping early must not yield again.
	for s := range segmentsOf("/a/b/c") {
		if s != "a" {
			t.Fatalf("first segment %q", s)
		}
		break
	}
}

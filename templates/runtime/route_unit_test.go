package runtime

import (
	"strings"
	"testing"
)

func TestFillRoute(t *testing.T) {
	ep := &EndpointInfo{Operation: "CreateMessage", Method: "POST",
		Patterns: []string{"POST /me/messages", "POST /users/{userID}/messages", "POST /users/{userID}/mailFolders/{mailFolderID}/messages"}}
	for _, c := range []struct {
		route  string
		params []string
		want   string // the path, or a part of the error
	}{
		{"/me/messages", nil, "/me/messages"},
		{"/users/{userID}/messages", []string{"a b/c"}, "/users/a%20b%2Fc/messages"},
		{"/users/{userID}/mailFolders/{mailFolderID}/messages", []string{"u", "inbox"}, "/users/u/mailFolders/inbox/messages"},
		{"/users/{userID}/messages", nil, "given, want more"},
		{"/users/{userID}/messages", []string{""}, "userID is empty"},
		{"/me/messages", []string{"x"}, "given, want 0"},
		{"/me/events", nil, `not one of its routes /me/messages, /users/{userID}/messages`},
	} {
		got, err := fillRoute(ep, c.route, c.params)
		if err != nil {
			got = err.Error()
		}
		if !strings.Contains(got, c.want) || (err == nil) != strings.HasPrefix(c.want, "/") {
			t.Errorf("fillRoute(%q, %q) = %q, want %q", c.route, c.params, got, c.want)
		}
	}
}

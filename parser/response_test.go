package parser

import (
	"slices"
	"testing"
)

// trustFrameworkPut is beta/api/trustframework-put-trustframeworkpolicy.md
// of the 2020 docs, trimmed to its request line and Response section: the
// section lists the outcomes in a tight list, one status per item.
const trustFrameworkPut = "# Update or create trustFrameworkPolicy\n\n" +
	"## HTTP request\n\n```http\nPUT /trustFramework/policies/{id}/$value\n```\n\n" +
	"## Response\n\nThe response will be one of the following:\n" +
	"- If a [trustFrameworkPolicy](../resources/trustframeworkpolicy.md) exists, a successful request returns a `200 OK` response code.\n" +
	"- If a [trustFrameworkPolicy](../resources/trustframeworkpolicy.md) does not exist, a successful request returns a `201 Created` response code.\n" +
	"- If unsuccessful, a `4xx` error will be returned with specific details.\n\n" +
	"## Example\n"

// siteUnfollow is beta/api/site-unfollow.md of the 2020 docs, trimmed the
// same way: the second item gives the status of a partial failure.
const siteUnfollow = "# Unfollow site\n\n## HTTP request\n\n```http\nPOST /users/{user-id}/followedSites/remove\n```\n\n" +
	"## Response\n\n" +
	"* If the request is successful, this method returns a `204` status code with no content.  \n" +
	"* If an error occured while unfollowing any of the specified sites, this method returns a `207` status code and the response body will contain an array of entries.\n\n" +
	"## Example\n\n- Returns `202 Accepted` if successful.\n"

// TestResponseList: the success statuses of a Response section that lists
// the outcomes are read from the items that speak of success.
func TestResponseList(t *testing.T) {
	for _, tc := range []struct {
		name, src string
		status    int
		statuses  []int
	}{
		{"trustframework-put-trustframeworkpolicy.md", trustFrameworkPut, 200, []int{200, 201}},
		{"site-unfollow.md", siteUnfollow, 204, []int{204}},
	} {
		page, _ := ParsePage(tc.name, []byte(tc.src))
		if page.Operation == nil || page.Operation.Response == nil {
			t.Errorf("%s: no response read", tc.name)
			continue
		}
		r := page.Operation.Response
		if r.Status != tc.status || !slices.Equal(r.Statuses, tc.statuses) {
			t.Errorf("%s: status %d, statuses %v; want %d, %v", tc.name, r.Status, r.Statuses, tc.status, tc.statuses)
		}
	}
}

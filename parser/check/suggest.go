package check

import "strings"

// didYouMean returns `; did you mean "x"` for the candidate closest to s,
// or "" when none is close: at most a third of the word's length in edits
// (the annotation typo "trucated" is 1 edit from "truncated").
func didYouMean(s string, candidates []string) string {
	best, bestD := "", -1
	lower := strings.ToLower(s)
	var rows []int // distance's two rows, shared by the candidates
	for _, c := range candidates {
		var d int
		d, rows = distance(lower, strings.ToLower(c), rows)
		if bestD < 0 || d < bestD || (d == bestD && c < best) {
			best, bestD = c, d
		}
	}
	if bestD < 0 || bestD > max(1, len(s)/3) {
		return ""
	}
	return `; did you mean "` + best + `"`
}

// distance is the Levenshtein distance of a and b in bytes. It works in
// rows (grown as needed, returned for the next call).
func distance(a, b string, rows []int) (int, []int) {
	if need := 2 * (len(b) + 1); cap(rows) < need {
		rows = make([]int, need)
	}
	prev := rows[:len(b)+1]
	cur := rows[len(b)+1 : 2*(len(b)+1)]
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)], rows
}

package check

import "strings"

// didYouMean returns `; did you mean "x"` for the candidate closest to s,
// or "" when none is close: at most a third of the word's length in edits
// (the annotation typo "trucated" is 1 edit from "truncated"). Names are
// compared ignoring case. A candidate is only measured as far as it could
// still be suggested: unknown properties of large types made the full
// distances a visible part of the checks.
func didYouMean(s string, candidates []string) string {
	limit := max(1, len(s)/3)
	best, bestD := "", -1
	lower := strings.ToLower(s)
	var rows []int // distance's two rows, shared by the candidates
	for _, c := range candidates {
		bound := limit // farther candidates cannot be suggested
		if bestD >= 0 {
			bound = min(bound, bestD) // nor beat the best so far
		}
		lc := c // ASCII is folded byte by byte in distanceWithin
		if !isASCII(c) {
			lc = strings.ToLower(c)
		}
		if abs(len(lower)-len(lc)) > bound {
			continue
		}
		var d int
		var ok bool
		d, ok, rows = distanceWithin(lower, lc, bound, rows)
		if ok && (bestD < 0 || d < bestD || (d == bestD && c < best)) {
			best, bestD = c, d
		}
	}
	if bestD < 0 {
		return ""
	}
	return `; did you mean "` + best + `"`
}

// distanceWithin is the Levenshtein distance of a and b in bytes, b's ASCII
// letters folded to lower case, with ok false as soon as it must exceed
// bound. It works in rows (grown as needed, returned for the next call).
func distanceWithin(a, b string, bound int, rows []int) (d int, ok bool, _ []int) {
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
		rowMin := i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == lowerASCII(b[j-1]) {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			rowMin = min(rowMin, cur[j])
		}
		if rowMin > bound { // every later row is at least this far
			return 0, false, rows
		}
		prev, cur = cur, prev
	}
	return prev[len(b)], prev[len(b)] <= bound, rows
}

func lowerASCII(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

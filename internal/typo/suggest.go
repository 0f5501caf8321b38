// Package typo finds the known word a user probably meant: the "did you
// mean" of every error message in hyperlab (hyperparameter names and
// choices, dataset names, command-line flags). Standard library only, so
// every package may use it.
package typo

import (
	"fmt"
	"strings"
)

// Closest returns the candidate nearest to word, ignoring case, or "" when
// none is close enough to be a typo: at most max(2, len(candidate)/3) edits
// away (an edit inserts, deletes or replaces a byte, or swaps two adjacent
// ones), and fewer edits than the candidate is long. Ties go to the earlier
// candidate. When no candidate is that close, a candidate that word begins,
// as whole underscore-separated parts, is the answer: "batch" for
// "batch_size", "dropout" for "dropout_rate" (the short name a newcomer
// types).
func Closest(word string, candidates []string) string {
	if best := closest(word, candidates); best != "" {
		return best
	}
	lw := strings.ToLower(word)
	if len(lw) < 3 {
		return ""
	}
	for _, c := range candidates {
		if strings.HasPrefix(strings.ToLower(c), lw+"_") {
			return c
		}
	}
	return ""
}

// Hint is `; did you mean "x"?` when word is a typo of the candidate x
// (see Closest), else "": the end of an error sentence that names word.
func Hint(word string, candidates []string) string {
	if c := Closest(word, candidates); c != "" {
		return fmt.Sprintf("; did you mean %q?", c)
	}
	return ""
}

// closest is Closest by edit distance alone.
func closest(word string, candidates []string) string {
	best, bestDist := "", -1
	lw := strings.ToLower(word)
	for _, c := range candidates {
		lc := strings.ToLower(c)
		d := Distance(lw, lc)
		if d > max(2, len(lc)/3) || d >= len(lc) {
			continue
		}
		if bestDist < 0 || d < bestDist {
			best, bestDist = c, d
		}
	}
	return best
}

// Distance is the optimal-string-alignment distance between a and b:
// insertions, deletions, substitutions and transpositions of adjacent bytes
// cost one each. Strings over 256 bytes are not typos of each other; their
// distance is the longer length, which keeps the work bounded.
func Distance(a, b string) int {
	if len(a) > 256 || len(b) > 256 {
		return max(len(a), len(b))
	}
	prev2 := make([]int, len(b)+1)
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
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
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(b)]
}

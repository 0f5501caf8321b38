package hparams

import (
	"fmt"
	"strings"
)

// Error is one problem with a declaration or with a value. Its message is a
// single sentence that names the hyperparameter, the culprit value and what
// is allowed.
type Error struct {
	Name string // the hyperparameter (or struct field) concerned; "" if none
	Msg  string // the sentence, without the "hparams: " prefix
}

func (e *Error) Error() string { return "hparams: " + e.Msg }

func newError(name, format string, args ...any) *Error {
	return &Error{Name: name, Msg: fmt.Sprintf(format, args...)}
}

// Errors lists every problem found by one call, so a user fixes them all in
// one go. Functions of this package that can find several problems return an
// Errors value (never an empty one); errors.As(err, &errs) gets the list back.
// Like the result of errors.Join, it unwraps to its elements.
type Errors []error

// Error returns one sentence per problem, one per line.
func (e Errors) Error() string {
	lines := make([]string, len(e))
	for i, err := range e {
		lines[i] = err.Error()
	}
	return strings.Join(lines, "\n")
}

// Unwrap returns the problems, for errors.Is and errors.As.
func (e Errors) Unwrap() []error { return e }

// asError returns nil for no problems and an Errors otherwise.
func asError(errs []error) error {
	if len(errs) == 0 {
		return nil
	}
	return Errors(errs)
}

// maxShown bounds how much of a user's value is echoed back in a message.
const maxShown = 60

// shorten keeps a long user-given value readable inside a sentence.
func shorten(s string) string {
	if len(s) <= maxShown {
		return s
	}
	cut := maxShown
	for cut > 0 && !isRuneStart(s[cut]) {
		cut--
	}
	return s[:cut] + "…"
}

func isRuneStart(b byte) bool { return b&0xC0 != 0x80 }

// quoted renders a user-given raw text for a message.
func quoted(s string) string { return fmt.Sprintf("%q", shorten(s)) }

// suggest returns the candidate closest to s, or "" if none is close enough to
// be a likely typo.
func suggest(s string, candidates []string) string {
	best, bestDist := "", -1
	ls := strings.ToLower(s)
	for _, c := range candidates {
		lc := strings.ToLower(c)
		d := editDistance(ls, lc)
		limit := max(2, len(lc)/3)
		if d > limit || d >= len(lc) {
			continue
		}
		if bestDist < 0 || d < bestDist {
			best, bestDist = c, d
		}
	}
	return best
}

// didYouMean formats a suggestion as the end of a sentence.
func didYouMean(s string, candidates []string) string {
	if c := suggest(s, candidates); c != "" {
		return fmt.Sprintf("; did you mean %q?", c)
	}
	return ""
}

// editDistance is the optimal-string-alignment distance: insertions,
// deletions, substitutions and transpositions of adjacent bytes cost one.
func editDistance(a, b string) int {
	if len(a) > 256 || len(b) > 256 {
		return max(len(a), len(b)) // not a typo; keep the work bounded
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

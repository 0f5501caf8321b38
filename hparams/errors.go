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

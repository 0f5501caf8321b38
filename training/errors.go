package training

import (
	"errors"
	"fmt"
	"runtime/debug"
	"strings"
)

// recovered turns a panic raised inside GoMLX while doing what into an
// error that says what failed in one sentence; the stack trace goes only
// into the wrapped error's detail for debugging (see PanicError).
func recovered(what string, r any) error {
	msg := fmt.Sprint(r)
	if err, ok := r.(error); ok {
		msg = err.Error()
	}
	// GoMLX messages run over several lines with a stack; keep the first.
	first, _, _ := strings.Cut(strings.TrimSpace(msg), "\n")
	return &PanicError{What: what, Msg: first, Stack: string(debug.Stack())}
}

// PanicError is a panic inside GoMLX, recovered by Run.
type PanicError struct {
	What  string // what training was doing: "building the model", "a training step"...
	Msg   string // the first line of the panic message
	Stack string // where it happened, for a bug report
}

func (e *PanicError) Error() string {
	return fmt.Sprintf("training: GoMLX failed during %s: %s; check the hyperparameters and the dataset, and report it if they look right", e.What, e.Msg)
}

// IsPanic reports whether err is (or wraps) a recovered GoMLX panic.
func IsPanic(err error) bool {
	var p *PanicError
	return errors.As(err, &p)
}

// guard runs fn and returns a panic inside it as an error.
func guard(what string, fn func() error) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = recovered(what, r)
		}
	}()
	return fn()
}

// prefixed is err as this package reports it: starting "training: ".
func prefixed(err error) error {
	if strings.HasPrefix(err.Error(), "training: ") {
		return err
	}
	return fmt.Errorf("training: %w", err)
}

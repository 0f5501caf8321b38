package testutil

import (
	"bufio"
	"io"
	"os/exec"
	"testing"
)

// NoPanic calls run and returns its error; a panic fails the test instead
// of crashing the test binary, since a public API must return errors.
func NoPanic(t testing.TB, run func() error) (err error) {
	t.Helper()
	func() {
		defer func() {
			if p := recover(); p != nil {
				t.Fatalf("a panic escaped the public API: %v", p)
			}
		}()
		err = run()
	}()
	return err
}

// Start starts cmd with its standard output piped and returns a Scanner
// over its lines and the pipe itself (to drain it before cmd.Wait).
func Start(t testing.TB, cmd *exec.Cmd) (*bufio.Scanner, io.ReadCloser) {
	t.Helper()
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	return bufio.NewScanner(stdout), stdout
}

// With returns v with the name, value pairs of kv set one after the other
// through v.With (hparams.Values has that method), failing the test on an
// error. It is generic so that this package needs no import of hparams.
func With[V interface{ With(string, any) (V, error) }](t testing.TB, v V, kv ...any) V {
	t.Helper()
	if len(kv)%2 != 0 {
		t.Fatalf("With: %d arguments, want name, value pairs", len(kv))
	}
	for i := 0; i < len(kv); i += 2 {
		name, ok := kv[i].(string)
		if !ok {
			t.Fatalf("With: argument %d is %#v, want a name", i, kv[i])
		}
		var err error
		if v, err = v.With(name, kv[i+1]); err != nil {
			t.Fatal(err)
		}
	}
	return v
}

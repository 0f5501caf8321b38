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

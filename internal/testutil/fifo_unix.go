//go:build unix

package testutil

import (
	"syscall"
	"testing"
)

// Mkfifo makes a named pipe at path and returns path; where the system
// has none it skips t. Hostile-input tests use it: a reader that opened
// the pipe would block for ever.
func Mkfifo(t testing.TB, path string) string {
	t.Helper()
	if err := syscall.Mkfifo(path, 0o644); err != nil {
		t.Skip("no named pipe:", err)
	}
	return path
}

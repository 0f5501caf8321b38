//go:build !unix

package testutil

import "testing"

// Mkfifo skips t: this system has no named pipes.
func Mkfifo(t testing.TB, path string) string {
	t.Helper()
	t.Skip("no named pipes on this system")
	return path
}

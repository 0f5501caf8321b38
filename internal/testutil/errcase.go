package testutil

import (
	"strings"
	"testing"
)

// ErrCase checks err in a table test: with want "" err must be nil, else it
// must contain want. It reports whether an error was wanted (the case is
// over); a mismatch ends the test.
func ErrCase(t testing.TB, err error, want string) bool {
	t.Helper()
	if want != "" {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Fatalf("err = %v, want one containing %q", err, want)
		}
		return true
	}
	if err != nil {
		t.Fatal(err)
	}
	return false
}

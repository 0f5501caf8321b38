package testutil

import (
	"fmt"
	"os"
	"strings"
	"testing"
)

// WriteFile writes content to the file at path (mode 0644) and returns
// path; a failed write ends the test, naming the error, so that a test's
// set-up never fails silently and shows later as a puzzling result.
func WriteFile[T string | []byte](t testing.TB, path string, content T) string {
	t.Helper()
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// RegressionCSV is a CSV with a header x,y and rows rows whose last column
// y is a number that differs in every row: too many distinct values to be
// read as classes, a dataset that wants regression.
func RegressionCSV(rows int) string {
	var b strings.Builder
	b.WriteString("x,y\n")
	for i := range rows {
		fmt.Fprintf(&b, "%d,%g\n", i, float64(i)*1.37+0.5)
	}
	return b.String()
}

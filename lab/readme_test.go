package lab_test

import (
	"os"
	"regexp"
	"testing"
)

// The README's declaration is this package's Config, which the Examples
// compile and run: the README shows code that works.
func TestREADMEDeclarationIsTheExamples(t *testing.T) {
	block := regexp.MustCompile("(?s)type Config struct \\{.*?\n\\}")
	readme, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	example, err := os.ReadFile("example_test.go")
	if err != nil {
		t.Fatal(err)
	}
	r, e := block.Find(readme), block.Find(example)
	if r == nil || string(r) != string(e) {
		t.Errorf("README.md's Config differs from lab/example_test.go's:\n%s\n---\n%s", r, e)
	}
}

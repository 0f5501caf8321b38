package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hyperlab-go/hyperlab/internal/testutil"
)

// The pages of train and sweep name the dataset as the user typed it: a
// CSV path can hold markup (the "/" of </script> makes two directories).
func TestPagesEscapeTheDatasetPath(t *testing.T) {
	dir := t.TempDir()
	path := testutil.HostileCSV(t, dir)
	for _, args := range [][]string{
		{"train", "--epochs=2", "--dataset=" + path, "--runs=" + filepath.Join(dir, "r1"), "--out=" + filepath.Join(dir, "train.html")},
		{"sweep", "--grid", "learning_rate=0.01,0.1", "--epochs=2", "--dataset=" + path, "--runs=" + filepath.Join(dir, "r2"), "--out=" + filepath.Join(dir, "sweep.html")},
	} {
		if code, _, stderr := runCLI(t, args...); code != exitOK {
			t.Fatalf("%s: exit %d: %s", args[0], code, stderr)
		}
		page, err := os.ReadFile(strings.TrimPrefix(args[len(args)-1], "--out="))
		if err != nil {
			t.Fatal(err)
		}
		testutil.AssertInert(t, "the "+args[0]+" page", string(page))
	}
}

package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// evil is user text that would run script if it reached HTML as markup.
const evil = `<img src=x onerror=alert(1)>"q'</script>`

// The pages of train and sweep name the dataset as the user typed it: a
// CSV path can hold markup (the "/" of </script> makes two directories).
func TestPagesEscapeTheDatasetPath(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, evil, `<b>"data".csv`)
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	b.WriteString("x,y,class\n")
	for i := range 100 {
		fmt.Fprintf(&b, "%d,%d,%s\n", i%10, i%7, []string{"a", `"` + strings.ReplaceAll(evil, `"`, `""`) + `"`}[i%2])
	}
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
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
		html := string(page)
		if strings.Contains(html, "<img src=x") || strings.Contains(html, "<b>") ||
			strings.Count(html, "<script") != strings.Count(html, "</script>") {
			t.Errorf("the %s page lets the dataset path into the markup", args[0])
		}
		if !strings.Contains(html, "&lt;img src=x onerror=alert(1)&gt;") {
			t.Errorf("the %s page does not show the escaped dataset path", args[0])
		}
	}
}

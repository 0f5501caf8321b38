package testutil

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Evil is user text that would run script if it reached HTML as markup.
const Evil = `<img src=x onerror=alert(1)>"q'</script>`

// HostileCSV writes a small two-class CSV (100 rows, columns x, y, class)
// whose path below dir and whose second class name hold Evil, and returns
// the path. The "/" of </script> makes two directories.
func HostileCSV(t testing.TB, dir string) string {
	t.Helper()
	path := filepath.Join(dir, Evil, `<b>"data".csv`)
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	b.WriteString("x,y,class\n")
	for i := range 100 {
		fmt.Fprintf(&b, "%d,%d,%s\n", i%10, i%7, []string{"a", `"` + strings.ReplaceAll(Evil, `"`, `""`) + `"`}[i%2])
	}
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// AssertInert fails if html holds Evil as markup instead of as text: an
// <img> or <b> tag of it, or a </script> that closes a script early, or if
// the escaped text is missing altogether.
func AssertInert(t testing.TB, what, html string) {
	t.Helper()
	if strings.Contains(html, "<img src=x") || strings.Contains(html, "<b>") ||
		strings.Count(html, "<script") != strings.Count(html, "</script>") {
		t.Errorf("%s lets user text into the markup:\n%s", what, html)
	}
	if !strings.Contains(html, "&lt;img src=x onerror=alert(1)&gt;") {
		t.Errorf("%s lost the escaped user text:\n%s", what, html)
	}
}

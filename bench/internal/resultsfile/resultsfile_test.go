package resultsfile

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hyperlab-go/hyperlab/internal/testutil"
)

func TestWrite(t *testing.T) {
	path := filepath.Join(t.TempDir(), "b.md")
	if err := Write(path, []byte("one")); err != nil {
		t.Fatal(err)
	}
	if err := Write(path, []byte("two")); err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(path)
	if err != nil || string(got) != "two" {
		t.Fatalf("read %q, %v; want two", got, err)
	}
	st, _ := os.Stat(path)
	if st.Mode().Perm() != 0o644 {
		t.Errorf("mode %v, want 0644", st.Mode().Perm())
	}
	if err := Write(filepath.Join(t.TempDir(), "missing", "x.md"), nil); err == nil || !strings.HasPrefix(err.Error(), "bench: writing") {
		t.Errorf("error %v, want one starting with bench: writing", err)
	}
}

func TestReplaceSection(t *testing.T) {
	path := filepath.Join(t.TempDir(), "b.md")
	read := func() string {
		t.Helper()
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	// No file yet: the section is appended to nothing.
	if err := ReplaceSection(path, "<!-- b -->", "<!-- e -->", "first\n"); err != nil {
		t.Fatal(err)
	}
	if got, want := read(), "\n\n<!-- b -->\nfirst\n<!-- e -->\n"; got != want {
		t.Fatalf("new file %q, want %q", got, want)
	}
	// The section between the markers is replaced; what is around it stays.
	testutil.WriteFile(t, path, "# head\n<!-- b -->\nold\n<!-- e -->\n\ntail\n")
	if err := ReplaceSection(path, "<!-- b -->", "<!-- e -->", "new\n"); err != nil {
		t.Fatal(err)
	}
	if got, want := read(), "# head\n<!-- b -->\nnew\n<!-- e -->\ntail\n"; got != want {
		t.Fatalf("replaced %q, want %q", got, want)
	}
	// Another section's markers: appended after the rest, which stays.
	if err := ReplaceSection(path, "<!-- b2 -->", "<!-- e2 -->", "other\n"); err != nil {
		t.Fatal(err)
	}
	if got, want := read(), "# head\n<!-- b -->\nnew\n<!-- e -->\ntail\n\n<!-- b2 -->\nother\n<!-- e2 -->\n"; got != want {
		t.Fatalf("appended %q, want %q", got, want)
	}
}

package notebooks

import (
	"path/filepath"
	"testing"

	"github.com/hyperlab-go/hyperlab/internal/ipynb"
)

func TestLeaks(t *testing.T) {
	paths := []string{"/home/ana", "/home/ana/src/hyperlab"}
	html := func(s string) ipynb.Output {
		return ipynb.Output{Type: "display_data", Data: map[string]ipynb.Text{"text/html": ipynb.Text(s)}}
	}
	for _, tc := range []struct {
		name string
		cell ipynb.SavedCell
		want string // substring of the one problem; "" for none
	}{
		{"clean", cell("%%", nil, stdout("trained in 1.2 s\n")), ""},
		{"repo in stdout", cell("!*go work use", nil, stdout("\t- Added replace rule to local directory \"/home/ana/src/hyperlab\".\n")), `local path "/home/ana/src/hyperlab"`},
		{"repo root itself at the end", cell("%%", nil, stdout("module root: /home/ana/src/hyperlab")), `"/home/ana/src/hyperlab"`},
		{"home in stderr", cell("%%", nil, stderr("open /home/ana/.cache/x: no such file\n")), `local path "/home/ana"`},
		{"home in HTML", cell("%%", nil, html(`<p>runs in <code>/home/ana/runs</code></p>`)), `"/home/ana"`},
		{"home in an error output", cell("%%", nil, ipynb.Output{Type: "error", Ename: "ERROR", Evalue: "/home/ana/go/bin/gopls failed"}), `"/home/ana"`},
		{"home in a traceback", cell("%%", nil, ipynb.Output{Type: "error", Traceback: []string{"at /home/ana/x.go:3"}}), `"/home/ana"`},
		{"at the end of a sentence", cell("%%", nil, stdout("cache in /home/ana.\n")), `"/home/ana"`},
		{"a longer name is another path", cell("%%", nil, stdout("/home/anabel/x and /home/ana.bak and /home/ana-2\n")), ""},
		{"relative paths are fine", cell("%%", nil, stdout("notebooks/html/00-hyperparameters.html\n")), ""},
		{"sources are not outputs", cell("// see /home/ana/notes", nil), ""},
		{"markdown is not checked", ipynb.SavedCell{Type: "markdown", Source: "/home/ana"}, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			wantProblem(t, "Leaks", Leaks(&ipynb.Saved{Cells: []ipynb.SavedCell{tc.cell}}, paths), tc.want)
		})
	}
	if got := Leaks(&ipynb.Saved{Cells: []ipynb.SavedCell{cell("%%", nil, stdout("/home/ana"))}}, nil); got != nil {
		t.Errorf("Leaks with no paths = %v, want nil", got)
	}
}

func TestLocalPaths(t *testing.T) {
	t.Setenv("HOME", "/")
	got := LocalPaths("..")
	abs, _ := filepath.Abs("..")
	if len(got) == 0 || got[0] != abs {
		t.Errorf("LocalPaths(\"..\") = %q, want the repo root %q first", got, abs)
	}
	for _, p := range got {
		if p == "/" {
			t.Errorf("LocalPaths = %q includes %q, which every path starts with", got, p)
		}
	}
	t.Setenv("HOME", "/home/ana/")
	if got := LocalPaths(".."); got[len(got)-1] != "/home/ana" {
		t.Errorf("LocalPaths with HOME=/home/ana/ = %q, want it to end with /home/ana", got)
	}
}

// TestCommittedNotebooksLeakNoLocalPaths runs without Jupyter: the notebooks
// as committed must not show the path of the clone or $HOME that executed them.
func TestCommittedNotebooksLeakNoLocalPaths(t *testing.T) {
	files, err := editions()
	if err != nil {
		t.Fatal(err)
	}
	paths := LocalPaths("..")
	for _, f := range files {
		nb, err := ReadNotebook(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range Leaks(nb, paths) {
			t.Errorf("%s %s", f, p)
		}
	}
}

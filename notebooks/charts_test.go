package notebooks

import (
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hyperlab-go/hyperlab/internal/browsertest"
)

// checkCharts opens the HTML export in headless Chromium: every chart the
// notebook displayed must be drawn, with points. When
// testdata/<notebook>.charts.json exists (a JSON list of browsertest.Chart),
// the drawn charts must match it: titles, series names and point counts.
func checkCharts(t *testing.T, executed, page string) {
	t.Helper()
	nb, err := ReadNotebook(executed)
	if err != nil {
		t.Fatal(err)
	}
	displayed := Charts(nb)
	name := strings.TrimSuffix(filepath.Base(executed), ".ipynb")
	want, err := expectedCharts(filepath.Join("testdata", name+".charts.json"))
	if err != nil {
		t.Fatal(err)
	}
	if displayed == 0 && want == nil {
		return // nothing for a browser to check
	}
	b := browsertest.Start(t)
	var p *browsertest.Page
	if want != nil {
		p = b.Check(t, page, want)
	} else {
		p = b.Open(t, page)
		for _, d := range p.Dialogs {
			t.Errorf("%s opened a dialog: %q", page, d)
		}
	}
	if len(p.Charts) != displayed {
		t.Errorf("%s displayed %d charts but its HTML export draws %d (blocked requests: %v; screenshot %s)",
			name, displayed, len(p.Charts), p.Blocked, p.Screenshot)
	}
	t.Logf("%s: %d of %d charts drawn in the HTML export", name, len(p.Charts), displayed)
	checkClaims(t, name, p.Charts)
	for i, c := range p.Charts {
		points := 0
		for _, s := range c.Series {
			points += s.Points
		}
		if points == 0 {
			t.Errorf("%s: chart %d (%q) is drawn without any points (screenshot %s)", name, i+1, c.Title, p.Screenshot)
		}
	}
}

// expectedCharts reads a charts file; a missing file means no expectation (nil).
func expectedCharts(path string) ([]browsertest.Chart, error) {
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	} else if err != nil {
		return nil, err
	}
	want := []browsertest.Chart{}
	if err := json.Unmarshal(data, &want); err != nil {
		return nil, errors.New("notebooks: " + path + ": " + err.Error())
	}
	return want, nil
}

// checkImages opens the HTML exports of an executed notebook with
// JavaScript off (the plain export, and the sanitized one): every chart the
// notebook displayed must show as its image, a real picture, as on GitHub,
// in an untrusted notebook or in VS Code.
func checkImages(t *testing.T, executed string, pages ...string) {
	t.Helper()
	nb, err := ReadNotebook(executed)
	if err != nil {
		t.Fatal(err)
	}
	displayed := Charts(nb)
	if displayed == 0 {
		return
	}
	b := browsertest.StartWith(t, browsertest.Options{NoScripts: true})
	for _, page := range pages {
		p := b.Static(t, page)
		browsertest.CheckStatic(t, filepath.Base(page)+" without scripts", p, displayed)
	}
}

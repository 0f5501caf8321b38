package browsertest_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/hyperlab-go/hyperlab/internal/browsertest"
)

// TestExports checks the HTML files named in HYPERLAB_HTML (a list of paths
// separated like PATH), for example nbconvert exports of executed
// notebooks: every page must draw at least one chart, every chart must have
// a series with points, and RequireJS must be active on the page.
func TestExports(t *testing.T) {
	list := os.Getenv("HYPERLAB_HTML")
	if list == "" {
		t.Skip("set HYPERLAB_HTML to the HTML files to check")
	}
	b := browsertest.Start(t)
	for _, file := range filepath.SplitList(list) {
		p := b.Open(t, file)
		if len(p.Charts) == 0 {
			t.Errorf("%s: no charts drawn (blocked requests: %v)", file, p.Blocked)
		}
		for _, c := range p.Charts {
			points := 0
			for _, s := range c.Series {
				points += s.Points
			}
			if points == 0 {
				t.Errorf("%s: chart %q (%s) has no points", file, c.Title, c.ID)
			}
		}
		if !browsertest.Eval[bool](t, b, `typeof define === 'function' && !!define.amd`) {
			t.Logf("%s: RequireJS is not active on the page", file)
		}
		t.Logf("%s: %+v; screenshot %s", file, p.Charts, p.Screenshot)
	}
}

package browsertest_test

import (
	"testing"

	"github.com/hyperlab-go/hyperlab/internal/browsertest"
	"github.com/hyperlab-go/hyperlab/plotting"
)

// reportWithEveryChart writes a standalone report of every chart type that
// loads ECharts from the pinned CDN URL (the default Source).
func reportWithEveryChart(t *testing.T) (path string, charts int) {
	t.Helper()
	cs := sampleCharts(t)
	p := plotting.Page{Title: "Report"}
	for _, c := range cs {
		p.Chart(c)
	}
	s, err := p.HTML()
	if err != nil {
		t.Fatal(err)
	}
	return writeFile(t, "report.html", s), len(cs)
}

// TestReportWithoutScripts: with JavaScript off, every chart of a report
// shows as its image, each a real picture.
func TestReportWithoutScripts(t *testing.T) {
	checkReportImages(t, browsertest.Options{NoScripts: true}, "without scripts")
}

// TestReportOffline: with scripts on but the CDN unreachable, every chart
// of a report still shows as its image.
func TestReportOffline(t *testing.T) {
	checkReportImages(t, browsertest.Options{Offline: true}, "offline")
}

// checkReportImages opens a report with every chart in a browser started
// with opts (how, in words) and fails t unless each chart shows as its
// image and none was drawn.
func checkReportImages(t *testing.T, opts browsertest.Options, how string) {
	t.Helper()
	path, n := reportWithEveryChart(t)
	b := browsertest.StartWith(t, opts)
	page := b.Static(t, path)
	browsertest.CheckStatic(t, "the report "+how, page, n)
	if page.Drawn != 0 {
		t.Errorf("%d charts were drawn %s", page.Drawn, how)
	}
}

// TestReportOnlineReplacesImages: with scripts on and ECharts reachable,
// every chart is drawn interactively and its image is gone.
func TestReportOnlineReplacesImages(t *testing.T) {
	path, n := reportWithEveryChart(t)
	b := browsertest.Start(t)
	page := b.Static(t, path)
	if page.Drawn != n || page.Charts != n {
		t.Errorf("%d of %d charts were drawn, want all %d", page.Drawn, page.Charts, n)
	}
	if len(page.Images) != 0 {
		t.Errorf("%d chart images remain after ECharts drew the charts", len(page.Images))
	}
}

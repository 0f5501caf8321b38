package main

import (
	"testing"

	"github.com/hyperlab-go/hyperlab/internal/browsertest"
)

// checkReportInBrowser loads the report at page in headless Chromium (ECharts
// served from the pinned local copy) and checks, through ECharts' own API,
// that it drew what the run store in runsDir holds: the comparison chart
// with one series per run and one point per epoch, the sweep views, and one
// loss chart per run with its epochs.
func checkReportInBrowser(t *testing.T, page, runsDir string) {
	t.Helper()
	runs := listRuns(t, moonsStore(t, runsDir, 0), "before the browser check")
	epochs := 0
	for _, r := range runs {
		epochs += len(r.History.Epochs)
	}
	b := browsertest.Start(t)
	charts := b.Charts(t, page)
	// the linked display (parallel coordinates, heatmap, comparison) + 2
	// slices + the importance chart (from 8 finished runs) + one per run
	importance := 0
	if len(runs) >= 8 {
		importance = 1
	}
	if want := 5 + importance + len(runs); len(charts) != want {
		t.Fatalf("report drew %d charts, want %d (runs: %d)", len(charts), want, len(runs))
	}
	compare := charts[2]
	if len(compare.Series) != len(runs) {
		t.Errorf("comparison chart has %d series, want one per run (%d)", len(compare.Series), len(runs))
	}
	if got := browsertest.Points(compare.Series...); got != epochs {
		t.Errorf("comparison chart has %d points, want one per stored epoch (%d)", got, epochs)
	}
	perRun := 0
	for _, c := range charts[5+importance:] {
		perRun += browsertest.Points(c.Series[:1]...)
	}
	if perRun != epochs {
		t.Errorf("the per-run loss charts' training series hold %d points, want %d", perRun, epochs)
	}
	for _, c := range []browsertest.Chart{charts[0], charts[1], charts[3], charts[4]} {
		if browsertest.Points(c.Series...) == 0 {
			t.Errorf("sweep view %q drew no points", c.Title)
		}
	}
}

// checkReportStatic opens the report at page with JavaScript off, and with
// scripts on but offline (the CDN unreachable): every chart must show as
// its image, a real picture.
func checkReportStatic(t *testing.T, page string) {
	t.Helper()
	for _, o := range []browsertest.Options{{NoScripts: true}, {Offline: true}} {
		b := browsertest.StartWith(t, o)
		p := b.Static(t, page)
		what := "the report without scripts"
		if o.Offline {
			what = "the report offline"
		}
		if p.Charts == 0 || p.Drawn != 0 {
			t.Errorf("%s: %d of %d charts drawn, want none of at least one", what, p.Drawn, p.Charts)
		}
		browsertest.CheckStatic(t, what, p, p.Charts)
	}
}

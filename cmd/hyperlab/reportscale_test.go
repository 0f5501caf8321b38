package main

import (
	"cmp"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/hyperlab-go/hyperlab/history"
	"github.com/hyperlab-go/hyperlab/internal/browsertest"
	"github.com/hyperlab-go/hyperlab/runstore"
	"github.com/hyperlab-go/hyperlab/training"
)

// The bounds issue 20 sets a report of 10,000 runs.
const (
	largeRuns     = 10000
	maxPageBytes  = 5 << 20
	maxPageCharts = 30
)

var tableRows = regexp.MustCompile(`, rows = (\[\[.*?\]\]), texts = null;`)

var chartDiv = regexp.MustCompile(`<div id="[^"]+" class="hyperlab-chart"[^>]*><img src="data:image/png;base64,`)

// TestLargeReport writes 10,000 finished runs straight into a store (no
// training) and reports on it: the CLI says how many runs it read, the
// page stays under 5 MB with at most 30 charts, each with its static image,
// and the best runs it draws are the 10 with the lowest best validation
// loss. With Chromium, it loads the page and checks every chart drew; the
// load time is logged (docs/benchmarks.md records it), not asserted.
func TestLargeReport(t *testing.T) {
	if testing.Short() {
		t.Skip("writes 10,000 runs (about 30 s)")
	}
	dir := filepath.Join(t.TempDir(), "runs")
	best := writeSyntheticStore(t, dir, largeRuns)
	page := filepath.Join(t.TempDir(), "report.html")
	code, stdout, stderr := runCLI(t, "report", "--runs", dir, "--out", page)
	if code != exitOK {
		t.Fatalf("report: exit %d: %s", code, stderr)
	}
	if want := fmt.Sprintf("read %d runs in ", largeRuns); !strings.Contains(stdout, want) {
		t.Errorf("the report does not say how many runs it read (%q):\n%.300s", want, stdout)
	}
	b, err := os.ReadFile(page)
	if err != nil {
		t.Fatal(err)
	}
	html := string(b)
	if len(b) > maxPageBytes {
		t.Errorf("the page has %d bytes, more than %d", len(b), maxPageBytes)
	}
	charts := strings.Count(html, `class="hyperlab-chart"`)
	if charts > maxPageCharts || charts < topK {
		t.Errorf("the page draws %d charts, want between %d and %d", charts, topK, maxPageCharts)
	}
	if n := len(chartDiv.FindAllStringIndex(html, -1)); n != charts {
		t.Errorf("%d of %d charts carry their static image", n, charts)
	}
	// The table: every run as data, the first 100 as HTML.
	var rows [][]string
	if m := tableRows.FindStringSubmatch(html); m == nil {
		t.Errorf("the page has no table of runs")
	} else if err := json.Unmarshal([]byte(m[1]), &rows); err != nil || len(rows) != largeRuns {
		t.Errorf("the table holds %d runs (%v), want %d", len(rows), err, largeRuns)
	}
	if n := strings.Count(html, "<tr>"); n != 100+1 {
		t.Errorf("the table shows %d rows with its header, want the first 100 and the header", n)
	}

	// The best runs: the 10 lowest best losses of what was written.
	ids := make([]string, 0, len(best))
	for id := range best {
		ids = append(ids, id)
	}
	slices.SortFunc(ids, func(a, b string) int { return cmp.Or(cmp.Compare(best[a], best[b]), strings.Compare(a, b)) })
	store, err := runstore.OpenReadOnly(dir)
	if err != nil {
		t.Fatal(err)
	}
	runs := listRuns(t, store, "after the report")
	res := training.ResultsFromRuns(runs)
	top := res.Top(topK)
	for i, r := range top {
		if r.ID != ids[i] {
			t.Errorf("best run %d is %s (best loss %g), want %s (%g)", i+1, r.ID, r.BestLoss, ids[i], best[ids[i]])
		}
		if title := fmt.Sprintf(`"text":"trial %d: `, r.Trial); !strings.Contains(html, title) {
			t.Errorf("the page has no chart of best run %d (%s)", i+1, title)
		}
	}

	// Without scripts, and offline: every chart shows as its image.
	t.Run("static", func(t *testing.T) { checkReportStatic(t, page) })
	t.Run("browser", func(t *testing.T) {
		br := browsertest.Start(t)
		start := time.Now()
		p := br.Open(t, page)
		wall := time.Since(start)
		// The page's own clock: navigation start to the end of its load
		// event, by which the inline chart scripts have drawn.
		load := browsertest.Eval[float64](t, br, `performance.getEntriesByType('navigation')[0].loadEventEnd`)
		t.Logf("%d bytes, %d charts: loaded in %.2f s (load event), %.2f s until every chart was drawn and the screenshot taken",
			len(b), charts, load/1000, wall.Seconds())
		if len(p.Charts) != charts {
			t.Errorf("the browser drew %d charts, the page has %d", len(p.Charts), charts)
		}
		for _, d := range p.Dialogs {
			t.Errorf("the page opened a dialog: %q", d)
		}
		shown := browsertest.Eval[string](t, br, `(function () {
  var q = document.getElementById('hyperlab-runs-table-q');
  q.value = '`+top[0].ID+`';
  q.dispatchEvent(new Event('input'));
  return document.getElementById('hyperlab-runs-table-n').textContent;
})()`)
		if shown != fmt.Sprintf("1 matching rows of %d.", largeRuns) {
			t.Errorf("filtering the table by the best run's ID shows %q, want 1 row", shown)
		}
	})
}

// TestLargeReportParts checks the summaries on small data: the best rows,
// the best-so-far order, the spread's five numbers.
func TestLargeReportParts(t *testing.T) {
	row := func(trial int, id string, best, final float64, st history.Status) training.Row {
		return training.Row{Trial: trial, ID: id, BestLoss: best, ValLoss: final, Status: st, History: &history.History{Status: st}}
	}
	rows := []training.Row{
		row(0, "a", 0.5, 0.6, history.Finished),
		row(1, "b", 0.2, 0.3, history.Finished),
		row(2, "c", 0.1, math.NaN(), history.Diverged),
		row(3, "d", 0.3, 0.3, training.Pruned),
		row(4, "e", 0.2, 0.25, history.Finished),
	}
	var got []string
	for _, r := range (&training.Results{Rows: rows}).Top(3) {
		got = append(got, r.ID)
	}
	if want := []string{"b", "e", "d"}; !slices.Equal(got, want) {
		t.Errorf("top 3 %v, want %v (diverged left out, ties in table order)", got, want)
	}
	order := bestInOrder(rows, []string{"e", "d", "c", "b", "a"})
	if want := []float64{0.2, 0.3, math.NaN(), 0.2, 0.5}; !slices.EqualFunc(order, want, func(a, b float64) bool { return a == b || math.IsNaN(a) && math.IsNaN(b) }) {
		t.Errorf("best losses in run order %v, want %v", order, want)
	}
	s := spreadText(finalLosses(rows), len(rows))
	want := "Final validation loss of the 4 runs that ended with one: lowest 0.25, quartiles 0.3, 0.3 (median), 0.3, highest 0.6. The other 1 diverged or ended without one."
	if s != want {
		t.Errorf("spread:\n got %s\nwant %s", s, want)
	}
}

// BenchmarkLargeReport measures `hyperlab report --out` on a store of
// 10,000 finished runs (written once, before the clock starts): reading
// the store, the results table, the charts with their images, the page.
// It reports the page's size and number of charts beside the time.
//
//	go test -run '^$' -bench LargeReport -benchtime 3x ./cmd/hyperlab
func BenchmarkLargeReport(b *testing.B) {
	dir := filepath.Join(b.TempDir(), "runs")
	writeSyntheticStore(b, dir, largeRuns)
	page := filepath.Join(b.TempDir(), "report.html")
	var out, errOut strings.Builder
	for b.Loop() {
		out.Reset()
		if code := run([]string{"report", "--runs", dir, "--out", page}, &out, &errOut); code != exitOK {
			b.Fatalf("report: exit %d: %s", code, errOut.String())
		}
	}
	fi, err := os.Stat(page)
	if err != nil {
		b.Fatal(err)
	}
	html, _ := os.ReadFile(page)
	b.ReportMetric(float64(fi.Size())/1e6, "MB/page")
	b.ReportMetric(float64(strings.Count(string(html), `class="hyperlab-chart"`)), "charts/page")
}

package browsertest

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// Chart is a chart as the browser drew it, or as a test expects it.
type Chart struct {
	ID     string   `json:"id"` // the div's id; an expected Chart with an empty ID matches any
	Title  string   `json:"title"`
	Series []Series `json:"series"`
}

// Series is a series of a drawn chart: its name, its number of data
// points (the length of its data array) and the names of its marked points
// (ECharts markPoint data: "best", "diverged").
type Series struct {
	Name   string   `json:"name"`
	Type   string   `json:"type,omitempty"` // an expected Series with an empty Type matches any
	Points int      `json:"points"`
	Marks  []string `json:"marks,omitempty"` // an expected Series with nil Marks matches any
}

// Points counts the data points of series: a chart's, or some of them.
func Points(series ...Series) int {
	n := 0
	for _, s := range series {
		n += s.Points
	}
	return n
}

// readyJS is true once every hyperlab chart div holds an ECharts instance.
const readyJS = `(function () {
  if (document.readyState !== 'complete') { return false; }
  var divs = document.querySelectorAll('.hyperlab-chart');
  if (!window.echarts) { return divs.length === 0; }
  for (var i = 0; i < divs.length; i++) {
    if (!window.echarts.getInstanceByDom(divs[i])) { return false; }
  }
  return true;
})()`

// listJS lists every element that holds an ECharts instance, in document
// order, with its series as ECharts reports them.
const listJS = `(function () {
  var out = [];
  if (!window.echarts) { return out; }
  var els = document.querySelectorAll('[_echarts_instance_]');
  for (var i = 0; i < els.length; i++) {
    var inst = window.echarts.getInstanceByDom(els[i]);
    if (!inst) { continue; }
    var opt = inst.getOption();
    var title = (opt.title && opt.title[0] && opt.title[0].text) || '';
    var series = (opt.series || []).map(function (s) {
      var marks = ((s.markPoint && s.markPoint.data) || []).map(function (d) { return d.name || ''; });
      return {name: s.name || '', type: s.type || '', points: (s.data || []).length, marks: marks};
    });
    out.push({id: els[i].id, title: title, series: series});
  }
  return out;
})()`

func (b *Browser) charts(t testing.TB, ctx context.Context) []Chart {
	t.Helper()
	list, err := chromedp.Run(ctx, chromedp.Evaluate[[]Chart](listJS))
	if err != nil {
		t.Errorf("browsertest: listing the charts: %v", err)
	}
	return list
}

// Charts loads the page at file and returns its charts: the function the
// notebooks test can use to see what an export holds.
func (b *Browser) Charts(t testing.TB, file string) []Chart {
	t.Helper()
	return b.Open(t, file).Charts
}

// Check loads the page at file and reports on t every difference between
// its charts and want (in document order), any dialog the page opened, and
// a page without charts when want is not empty. It returns the page.
func (b *Browser) Check(t testing.TB, file string, want []Chart) *Page {
	t.Helper()
	p := b.Open(t, file)
	for _, d := range p.Dialogs {
		t.Errorf("browsertest: %s opened a dialog: %q", file, d)
	}
	if diff := Diff(p.Charts, want); diff != "" {
		t.Errorf("browsertest: %s: the charts differ from what was expected:\n%s\nscreenshot: %s", file, diff, p.Screenshot)
	}
	return p
}

// Diff describes the differences between the charts a page drew and the
// charts expected, or returns "" when they match.
func Diff(got, want []Chart) string {
	var b strings.Builder
	if len(got) != len(want) {
		fmt.Fprintf(&b, "%d charts, want %d\n", len(got), len(want))
	}
	for i := range min(len(got), len(want)) {
		g, w := got[i], want[i]
		if w.ID != "" && g.ID != w.ID {
			fmt.Fprintf(&b, "chart %d: id %q, want %q\n", i+1, g.ID, w.ID)
		}
		if w.Title != "" && g.Title != w.Title {
			fmt.Fprintf(&b, "chart %d: title %q, want %q\n", i+1, g.Title, w.Title)
		}
		if !slices.EqualFunc(g.Series, w.Series, func(g, w Series) bool {
			return g.Name == w.Name && g.Points == w.Points && (w.Type == "" || g.Type == w.Type) &&
				(w.Marks == nil || slices.Equal(g.Marks, w.Marks))
		}) {
			fmt.Fprintf(&b, "chart %d (%s): series %v, want %v\n", i+1, g.ID, g.Series, w.Series)
		}
	}
	return b.String()
}

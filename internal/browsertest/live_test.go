package browsertest_test

import (
	"encoding/json"
	"testing"

	"github.com/hyperlab-go/hyperlab/history"
	"github.com/hyperlab-go/hyperlab/internal/browsertest"
	"github.com/hyperlab-go/hyperlab/plotting"
)

// replaceJS replaces the content of the first output with each fragment in
// turn, running its script, as Jupyter does with update_display_data, and
// reports whether the chart drawn first is still the one on the page and
// how many points its series have.
const replaceJS = `(function (frags) {
  var out = document.querySelector('.output_html');
  var first = echarts.getInstanceByDom(document.getElementById('live'));
  frags.forEach(function (f) {
    out.innerHTML = f;
    out.querySelectorAll('script').forEach(function (old) {
      var s = document.createElement('script');
      s.textContent = old.textContent;
      old.parentNode.replaceChild(s, old);
    });
  });
  var el = document.getElementById('live');
  var c = echarts.getInstanceByDom(el);
  return {same: c === first, divs: document.querySelectorAll('.hyperlab-chart').length,
    points: c.getOption().series.map(function (s) { return s.data.length; })};
})`

// TestLiveInPlace replaces a chart's output with the fragments Live sends at
// later epochs (same div id) and checks that the chart drawn first moved
// into each new output and grew, rather than being drawn anew.
func TestLiveInPlace(t *testing.T) {
	b := browsertest.Start(t)
	h := run(0.1, 1, false)
	frag := func(n int) string {
		c := plotting.Loss(&history.History{Epochs: h.Epochs[:n]}, plotting.LossOptions{})
		c.ID, c.Source = "live", plotting.ScriptURL(browsertest.EChartsPath)
		f, err := c.Fragment()
		if err != nil {
			t.Fatal(err)
		}
		return f
	}
	first := plotting.Loss(&history.History{Epochs: h.Epochs[:2]}, plotting.LossOptions{})
	first.ID = "live"
	b.Check(t, writeFile(t, "live.html", notebookPage(t, false, frag(2))), expect([]*plotting.Chart{first}))
	var later []string
	for n := 3; n <= len(h.Epochs); n++ {
		later = append(later, frag(n))
	}
	arg, _ := json.Marshal(later)
	got := browsertest.Eval[struct {
		Same   bool  `json:"same"`
		Divs   int   `json:"divs"`
		Points []int `json:"points"`
	}](t, b, replaceJS+"("+string(arg)+")")
	n := len(h.Epochs)
	if !got.Same || got.Divs != 1 || len(got.Points) != 2 || got.Points[0] != n || got.Points[1] != n {
		t.Errorf("after the updates: %+v, want the first chart (same: true) alone with %d points per series", got, n)
	}
}

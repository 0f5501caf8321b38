package browsertest_test

import (
	"math"
	"testing"

	"github.com/hyperlab-go/hyperlab/history"
	"github.com/hyperlab-go/hyperlab/internal/browsertest"
	"github.com/hyperlab-go/hyperlab/plotting"
)

// The band chart's stacked series really shade from the lower to the upper
// edge in ECharts: the stacked value of each band's second series is the
// upper edge (min–max over seeds) at every epoch.
func TestBandStacksToTheUpperEdge(t *testing.T) {
	b := browsertest.Start(t)
	seeds := func(shift float64) []*history.History {
		var out []*history.History
		for s := range 3 {
			h := &history.History{Status: history.Finished}
			for e := 1; e <= 5; e++ {
				h.Epochs = append(h.Epochs, history.Epoch{Epoch: e, TrainLoss: 1 / float64(e), ValLoss: shift + 1/float64(e) + 0.05*float64(s)})
			}
			out = append(out, h)
		}
		return out
	}
	groups := []plotting.Group{{Values: map[string]any{"lr": 0.1}, Runs: seeds(0)}, {Values: map[string]any{"lr": 1}, Runs: seeds(0.5)}}
	d, err := plotting.BandInfo(groups, plotting.BandOptions{})
	if err != nil {
		t.Fatal(err)
	}
	c := d.Chart()
	c.ID = "band"
	b.Open(t, chartsFile(t, "Band", "band.html", c))
	got := browsertest.Eval[[][]float64](t, b, `(function () {
  var inst = echarts.getInstanceByDom(document.getElementById('band'));
  var out = [];
  [1, 4].forEach(function (i) {
    var data = inst.getModel().getSeriesByIndex(i).getData();
    var dim = data.getCalculationInfo('stackResultDimension');
    var ys = [];
    for (var k = 0; k < data.count(); k++) { ys.push(data.get(dim, k)); }
    out.push(ys);
  });
  return out;
})()`)
	for g, ys := range got {
		for k, y := range ys {
			if want := d.Lines[g].Upper[k]; math.Abs(y-want) > 1e-5 {
				t.Errorf("group %d, epoch %d: band top at %g, want the upper edge %g", g, k+1, y, want)
			}
		}
	}
	if len(got) != 2 || len(got[0]) != 5 {
		t.Errorf("stacked values %v", got)
	}
}

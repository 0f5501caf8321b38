package browsertest_test

import (
	"math"
	"testing"

	"github.com/hyperlab-go/hyperlab/history"
	"github.com/hyperlab-go/hyperlab/internal/browsertest"
	"github.com/hyperlab-go/hyperlab/plotting"
)

// reviewCharts are the charts of the tutorial review, as the notebooks draw
// them: a decision boundary over a 60×60 grid with unround edges (more
// cells than ECharts' progressive threshold) and a loss chart that diverged
// after two epochs, each also in a narrow box.
func reviewCharts(t *testing.T) []*plotting.Chart {
	var g plotting.Grid
	for i := range 60 {
		g.Xs = append(g.Xs, -2.7199841220500105+float64(i)*0.0899)
		g.Ys = append(g.Ys, -1.6399841220500105+float64(i)*0.0601)
	}
	var pts []plotting.Point
	for j, y := range g.Ys {
		for i, x := range g.Xs {
			c := 0
			if y > math.Sin(2*x)*0.8 {
				c = 1
			}
			g.Class = append(g.Class, c)
			if i%7 == 0 && j%7 == 0 {
				pts = append(pts, plotting.Point{X: x, Y: y, Class: c})
			}
		}
	}
	h := &history.History{Status: history.Diverged, Epochs: []history.Epoch{
		{Epoch: 1, TrainLoss: 2.3, ValLoss: 2.2, ValAccuracy: 0.2, TrainAccuracy: 0.2, ValError: math.NaN()},
		{Epoch: 2, TrainLoss: 41, ValLoss: 38, ValAccuracy: 0.1, TrainAccuracy: 0.1, ValError: math.NaN()},
		{Epoch: 3, TrainLoss: math.NaN(), ValLoss: math.NaN(), ValAccuracy: math.NaN(), TrainAccuracy: math.NaN(), ValError: math.NaN()},
	}}
	var out []*plotting.Chart
	for _, width := range []string{"", "420px"} {
		bd, err := plotting.Boundary(g, pts, plotting.BoundaryOptions{Title: "Decision boundary after 20 epochs"})
		if err != nil {
			t.Fatal(err)
		}
		loss := plotting.Loss(h, plotting.LossOptions{Title: "Loss per epoch (learning rate 10)"})
		bd.Width, loss.Width = width, width
		out = append(out, bd, loss)
	}
	return out
}

// TestReviewCharts draws the review's charts in a notebook page; look at its
// screenshot (HYPERLAB_ARTIFACTS) for the axis labels, the title and
// toolbox, and the divergence label.
func TestReviewCharts(t *testing.T) {
	b := browsertest.Start(t)
	charts := reviewCharts(t)
	frags := fragments(t, charts, plotting.ScriptURL(browsertest.EChartsPath))
	page := b.Check(t, writeFile(t, "review.html", notebookPage(t, false, frags...)), expect(charts))
	// ECharts labels the ends of the boundary's axes with their values.
	ends := browsertest.Eval[[]float64](t, b, `(function () {
	  var o = echarts.getInstanceByDom(document.querySelector('.hyperlab-chart')).getOption();
	  return [o.xAxis[1].min, o.xAxis[1].max, o.yAxis[1].min, o.yAxis[1].max];
	})()`)
	for _, v := range ends {
		if v != math.Round(v*1000)/1000 {
			t.Errorf("an axis of the boundary ends at %v, not rounded", v)
		}
	}
	t.Logf("screenshot: %s", page.Screenshot)
}

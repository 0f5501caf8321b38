package plotting

import (
	"regexp"
	"testing"

	"github.com/hyperlab-go/hyperlab/internal/testutil"
)

// namedChart is one sample chart of a type, for the golden tests.
type namedChart struct {
	name  string
	chart *Chart
}

// sampleCharts returns a sample of every chart type (and its variants:
// log scale, divergence, empty), drawn from the fixtures.
func sampleCharts(t *testing.T) []namedChart {
	t.Helper()
	trials := sampleTrials()
	must := func(c *Chart, err error) *Chart {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
		return c
	}
	grid := Grid{Xs: []float64{-1, 0, 1}, Ys: []float64{-1, 1}, Class: []int{0, 0, 1, 0, 1, 1}}
	pts := []Point{{-0.9, -0.8, 0}, {0.8, 0.9, 1}, {0.5, 0.2, 1}}
	return []namedChart{
		{"loss", Loss(sampleHistory(), LossOptions{})},
		{"loss_log", Loss(sampleHistory(), LossOptions{Title: "Loss (log)", LogY: true})},
		{"loss_diverged", Loss(divergedHistory(), LossOptions{})},
		{"loss_empty", Loss(nil, LossOptions{})},
		{"steps", StepLoss([]Run{{Label: "lr=0.1", History: sampleHistory()}}, StepOptions{Window: 3})},
		{"compare", must(Compare(sampleRuns(), CompareOptions{ColorBy: "learning_rate", LogY: true}))},
		{"compare_empty", must(Compare(nil, CompareOptions{}))},
		{"schedule", Schedule([]Curve{{Name: "constant", Y: []float64{0.1, 0.1, 0.1}}, {Name: "step", Y: []float64{0.1, 0.1, 0.01}}}, ScheduleOptions{})},
		{"schedule_lr_range", Schedule([]Curve{{Name: "loss", X: []float64{1e-4, 1e-3, 1e-2, 1e-1}, Y: []float64{2.3, 2.1, 1.2, 9}}}, ScheduleOptions{Title: "Learning-rate range test", Unit: "learning rate", LogX: true, YName: "loss"})},
		{"slice", Slice(trials, "learning_rate", SweepOptions{LogParams: []string{"learning_rate"}})},
		{"slice_category", Slice(trials, "optimizer", SweepOptions{})},
		{"heatmap", Heatmap(trials, "learning_rate", "optimizer", SweepOptions{})},
		{"parallel", Parallel(trials, SweepOptions{LogParams: []string{"learning_rate"}})},
		{"importance", Importance([]ImportanceBar{{"learning_rate", 0.81}, {"dropout_rate", 0.12}, {"batch_size", 0.004}}, "fANOVA main effects (Hutter et al. 2014) of a random forest")},
		{"importance_empty", Importance(nil, "fANOVA")},
		{"boundary", must(Boundary(grid, pts, BoundaryOptions{ClassNames: []string{"red", "blue"}}))},
		{"best_so_far", BestSoFar([]float64{0.6, 0.7, 0.4, nan, 0.45, 0.2, 0.3, 0.25}, BestSoFarOptions{LogY: true})},
		{"best_so_far_empty", BestSoFar([]float64{nan}, BestSoFarOptions{})},
	}
}

// TestOptionGolden pins the option JSON of every chart type.
func TestOptionGolden(t *testing.T) {
	for _, tc := range sampleCharts(t) {
		t.Run(tc.name, func(t *testing.T) { optionGolden(t, tc.name, tc.chart) })
	}
}

// TestFragmentGolden pins the notebook fragment and the standalone page.
func TestFragmentGolden(t *testing.T) {
	c := Loss(sampleHistory(), LossOptions{})
	c.ID = "chart-loss"
	f := fragment(t, c)
	testutil.Golden(t, "fragment.html", elideImages(f))

	inline, err := InlineScript([]byte("window.echarts = {init: function () {}};"))
	if err != nil {
		t.Fatal(err)
	}
	c.Source = inline
	f = fragment(t, c)
	testutil.Golden(t, "fragment_inline.html", elideImages(f))

	p := Page{Title: "Report <1>", Source: ScriptURL("echarts.min.js")}
	p.Heading("Loss")
	p.Chart(c)
	p.Table(Table{Caption: "Runs", Header: []string{"name", "learning_rate"}, Rows: [][]string{{"<b>a</b>", "0.1"}}})
	s, err := p.HTML()
	if err != nil {
		t.Fatal(err)
	}
	testutil.Golden(t, "page.html", elideImages(s))
}

var dataURL = regexp.MustCompile(`data:image/png;base64,[A-Za-z0-9+/=]+`)

// elideImages shortens the inline images of rendered HTML for its golden
// file: TestImageGolden pins the images themselves.
func elideImages(s string) []byte {
	return []byte(dataURL.ReplaceAllString(s, "data:image/png;base64,(image)"))
}

package plotting_test

import (
	"bytes"
	"fmt"
	"image/png"
	"math"
	"strings"

	"github.com/hyperlab-go/hyperlab/history"
	"github.com/hyperlab-go/hyperlab/plotting"
)

func ExampleLoss() {
	h := &history.History{Status: history.Finished, Epochs: []history.Epoch{
		{Epoch: 1, TrainLoss: 0.9, ValLoss: 1.0, ValAccuracy: math.NaN(), ValError: math.NaN(), TrainAccuracy: math.NaN()},
		{Epoch: 2, TrainLoss: 0.5, ValLoss: 0.7, ValAccuracy: math.NaN(), ValError: math.NaN(), TrainAccuracy: math.NaN()},
		{Epoch: 3, TrainLoss: 0.3, ValLoss: 0.8, ValAccuracy: math.NaN(), ValError: math.NaN(), TrainAccuracy: math.NaN()},
	}}
	fmt.Println(plotting.LossInfo(h, plotting.LossOptions{}))
	for _, s := range plotting.Loss(h, plotting.LossOptions{}).Series() {
		fmt.Printf("%s: %d points\n", s.Name, s.Points)
	}
	// Output:
	// Loss per epoch: 3 epochs, best validation loss 0.7 at epoch 2
	// train loss: 3 points
	// validation loss: 3 points
}

func ExampleLabels() {
	runs := []plotting.Run{
		{Values: map[string]any{"learning_rate": 0.1, "epochs": 20, "optimizer": "adam"}},
		{Values: map[string]any{"learning_rate": 0.01, "epochs": 20, "optimizer": "adam"}},
	}
	fmt.Println(plotting.Labels(runs))
	// Output:
	// [learning_rate=0.1 learning_rate=0.01]
}

func ExampleMovingAverage() {
	fmt.Println(plotting.MovingAverage([]float64{4, 2, 6, 2}, 2))
	// Output:
	// [4 3 4 4]
}

func ExampleSchedule() {
	c := plotting.Schedule([]plotting.Curve{
		{Name: "constant", Y: []float64{0.1, 0.1, 0.1, 0.1}},
		{Name: "step", Y: []float64{0.1, 0.1, 0.01, 0.01}},
	}, plotting.ScheduleOptions{Unit: "epoch", LogY: true})
	fmt.Println(c.Title())
	fmt.Println(c.Series())
	y := c.Option["yAxis"].([]any)[0].(map[string]any) // the first y axis
	fmt.Println(y["type"])
	// Output:
	// Learning rate schedule
	// [{constant line 4} {step line 4}]
	// log
}

// The option JSON is safe inside a script element: user strings cannot end
// it.
func ExampleChart_OptionJSON() {
	c := plotting.Schedule([]plotting.Curve{{Name: "</script><b>", Y: []float64{0.1}}}, plotting.ScheduleOptions{})
	b, _ := c.OptionJSON()
	i := strings.Index(string(b), `"name":"\u003c`)
	fmt.Println(string(b[i : i+42]))
	// Output:
	// "name":"\u003c/script\u003e\u003cb\u003e",
}

// A chart with no data is not an error: it says so in its middle.
func ExampleCompare_empty() {
	c, err := plotting.Compare(nil, plotting.CompareOptions{})
	fmt.Println(err, len(c.Series()), c.Title())
	// Output:
	// <nil> 0 Train loss per epoch
}

// A standalone report with a chart and a table, loading ECharts from a copy
// next to the file.
func ExamplePage() {
	p := plotting.Page{Title: "Sweep <1>", Source: plotting.ScriptURL("echarts.min.js")}
	c := plotting.Schedule([]plotting.Curve{{Name: "constant", Y: []float64{0.1, 0.1}}}, plotting.ScheduleOptions{})
	c.ID = "lr"
	p.Chart(c)
	p.Table(plotting.Table{Header: []string{"run", "loss"}, Rows: [][]string{{"<a>", "0.1"}}})
	s, err := p.HTML()
	fmt.Println(err, len(s) > 0)
	// Output:
	// <nil> true
}

// Display shows charts under a GoNB cell; outside a notebook it does
// nothing.
func ExampleDisplay() {
	err := plotting.Display(plotting.Loss(nil, plotting.LossOptions{}))
	fmt.Println(err, plotting.InNotebook())
	// Output:
	// <nil> false
}

// A Live chart follows training: pass Epoch to training's OnEpoch option and
// call Done at the end.
func ExampleLive() {
	live := plotting.NewLive(plotting.LiveOptions{Loss: plotting.LossOptions{LogY: true}})
	for e := 1; e <= 3; e++ {
		live.Epoch(history.Epoch{Epoch: e, TrainLoss: 1 / float64(e), ValLoss: math.NaN()})
	}
	fmt.Println(live.Done(nil))
	// Output:
	// <nil>
}

// Every chart has a static image, drawn in Go from the same option: it
// shows where the interactive chart cannot (no JavaScript, offline).
func ExampleChart_PNG() {
	c := plotting.Loss(nil, plotting.LossOptions{})
	b, err := c.PNG()
	cfg, _ := png.DecodeConfig(bytes.NewReader(b))
	fmt.Println(err, cfg.Width, cfg.Height)
	// Output: <nil> 800 450
}

// A live frame, redrawn in place while the page runs its scripts, skips
// the static image that a saved output carries.
func ExampleChart_LiveFragment() {
	c := plotting.Loss(nil, plotting.LossOptions{})
	c.ID = "frame"
	live, _ := c.LiveFragment()
	saved, _ := c.Fragment()
	fmt.Println(strings.Contains(live, "data:image/png"), strings.Contains(saved, "data:image/png"))
	// Output: false true
}

// Capture receives what Display would send to the notebook: one bundle per
// chart, with its interactive HTML, its image and its title.
func ExampleCapture() {
	restore := plotting.Capture(true, func(b plotting.Bundle) {
		fmt.Println(b.Text, len(b.PNG) > 0, strings.Contains(b.HTML, "<img src=\"data:image/png;base64,"))
	})
	defer restore()
	_ = plotting.Display(plotting.Loss(nil, plotting.LossOptions{}))
	// Output: Chart: Loss per epoch true true
}

package plotting_test

import (
	"fmt"

	"github.com/hyperlab-go/hyperlab/plotting"
)

// A learning-rate range test's chart data: the points with a positive
// rate, the suggestion to mark, and the y axis cut a little above the
// highest smoothed loss so that the last, exploding steps do not flatten
// the curve.
func ExampleLRRangeInfo() {
	d := plotting.LRRangeInfo([]plotting.LRPoint{
		{LearningRate: 1e-3, Loss: 0.7, Smoothed: 0.7},
		{LearningRate: 1e-2, Loss: 0.4, Smoothed: 0.55},
		{LearningRate: 1e-1, Loss: 90, Smoothed: 1.5},
	}, 0.01)
	fmt.Println(len(d.Points), d.Suggested, d.YMax)
	// Output: 3 0.01 1.8
}

// Two samples binned over one shared range, as ShowWeights draws a
// model's weights before and after training.
func ExampleHistogramInfo() {
	d := plotting.HistogramInfo([]plotting.Sample{
		{Name: "before", Values: []float64{-1, -0.5, 0, 0.5}},
		{Name: "after", Values: []float64{-1, 1, 1}},
	}, plotting.HistogramOptions{Bins: 4})
	fmt.Println(d.Centers)
	fmt.Println(d.Names[0], d.Counts[0])
	fmt.Println(d.Names[1], d.Counts[1])
	// Output:
	// [-0.75 -0.25 0.25 0.75]
	// before [1 1 1 1]
	// after [1 0 0 2]
}

func ExampleTable_Text() {
	t := plotting.Table{Caption: "Runs", Header: []string{"run", "val loss"}, Rows: [][]string{{"lr=0.1", "0.31"}, {"lr=1", "diverged"}}}
	fmt.Print(t.Text())
	// Output:
	// Runs
	// run     val loss
	// lr=0.1  0.31
	// lr=1    diverged
}

package lab_test

import (
	"fmt"

	"github.com/hyperlab-go/hyperlab/evidence"
	"github.com/hyperlab-go/hyperlab/history"
	"github.com/hyperlab-go/hyperlab/lab"
	"github.com/hyperlab-go/hyperlab/training"
)

// group builds a group by hand: l2 over seeds whose final validation data
// losses are finals. In a notebook, lab.TrainSeeds(v, "moons", 5) or
// lab.Train(v, "moons", lab.Seeds(5)).Group trains one.
func group(l2 float64, finals ...float64) *lab.Group {
	g := &lab.Group{Dataset: "moons"}
	for i, f := range finals {
		v, _ := training.Spec.Defaults().With(training.ParamL2, l2)
		v, _ = v.With(training.ParamSeed, i+1)
		h := &history.History{Status: history.Finished, Epochs: []history.Epoch{
			{Epoch: 1, TrainLoss: 0.5, ValLoss: 0.6}, {Epoch: 2, TrainLoss: f - 0.1, ValLoss: f}}}
		g.Runs = append(g.Runs, &lab.Run{History: h, Values: v, Dataset: "moons"})
	}
	return g
}

func ExampleGroupSummary() {
	t := lab.GroupSummary(group(0, 0.40, 0.42, 0.38), group(0.01, 0.30, 0.31, 0.29))
	fmt.Println(t.Header[:7])
	for _, r := range t.Rows {
		fmt.Println(r[:7])
	}
	// Output:
	// [group seeds train loss val loss gap (val−train) best val loss best epoch of the mean]
	// [l2_regularization=0 3 0.3 ± 0.02 0.4 ± 0.02 0.1 ± 0 0.4 ± 0.02 2]
	// [l2_regularization=0.01 3 0.2 ± 0.01 0.3 ± 0.01 0.1 ± 0 0.3 ± 0.01 2]
}

// A verdict cell: the claim, judged on the groups, shown as a box in a
// notebook and as text elsewhere.
func ExampleVerdict() {
	e := lab.Evidence(group(0.01, 0.30, 0.31, 0.29), group(0, 0.40, 0.42, 0.38))
	lab.Verdict(evidence.LowerThan("l2-lowers-val-loss", evidence.Measure{Metric: history.ValLoss, At: evidence.Final}, e[0], e[1]))
	// Output:
	// l2-lowers-val-loss
	// Supported: the final validation loss of l2_regularization=0.01 is lower than that of l2_regularization=0. Measured: l2_regularization=0.01 0.3 ± 0.01, l2_regularization=0 0.4 ± 0.02 (mean ± s.d. over 3 seeds); the difference 0.1 exceeds the seed spread 0.01581 (pooled s.d.).
	// 成立：l2_regularization=0.01 的最终验证损失低于 l2_regularization=0。测得：l2_regularization=0.01 0.3 ± 0.01，l2_regularization=0 0.4 ± 0.02（3 个种子的均值 ± 标准差）；差值 0.1 大于种子间波动 0.01581（合并标准差）。
}

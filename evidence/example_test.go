package evidence_test

import (
	"fmt"

	"github.com/hyperlab-go/hyperlab/evidence"
	"github.com/hyperlab-go/hyperlab/history"
)

// run is a history whose validation loss per epoch is vals.
func run(vals ...float64) *history.History {
	h := &history.History{Status: history.Finished}
	for i, v := range vals {
		h.Epochs = append(h.Epochs, history.Epoch{Epoch: i + 1, TrainLoss: v * 0.8, ValLoss: v})
	}
	return h
}

// Two groups of three seeds: L2's final validation loss against none's.
func ExampleLowerThan() {
	l2 := evidence.NewGroup("l2=0.01", run(0.5, 0.30), run(0.5, 0.32), run(0.5, 0.31))
	none := evidence.NewGroup("l2=0", run(0.5, 0.40), run(0.5, 0.43), run(0.5, 0.41))
	v, err := evidence.Judge(evidence.LowerThan("l2-lowers-val-loss",
		evidence.Measure{Metric: history.ValLoss, At: evidence.Final}, l2, none))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(v.Outcome)
	fmt.Println(v.English)
	fmt.Println(v.Chinese)
	// Output:
	// supported
	// Supported: the final validation loss of l2=0.01 is lower than that of l2=0. Measured: l2=0.01 0.31 ± 0.01, l2=0 0.4133 ± 0.01528 (mean ± s.d. over 3 seeds); the difference 0.1033 exceeds the seed spread 0.01291 (pooled s.d.).
	// 成立：l2=0.01 的最终验证损失低于 l2=0。测得：l2=0.01 0.31 ± 0.01，l2=0 0.4133 ± 0.01528（3 个种子的均值 ± 标准差）；差值 0.1033 大于种子间波动 0.01291（合并标准差）。
}

// A sweep whose best validation loss is lowest in the middle: the claim
// that it falls with the learning rate depends on the learning rate.
func ExampleFalls() {
	g := func(label string, x float64) evidence.Group {
		return evidence.NewGroup(label, run(1, x), run(1, x+0.01), run(1, x-0.01))
	}
	v := evidence.MustJudge(evidence.Falls("loss-falls-with-lr",
		evidence.Measure{Metric: history.ValLoss, At: evidence.Best}, "learning_rate",
		g("lr=0.01", 0.6), g("lr=0.1", 0.2), g("lr=1", 0.5)))
	fmt.Println(v.Outcome)
	fmt.Println(v.English)
	// Output:
	// depends
	// It depends: the best validation loss falls as learning_rate grows. Measured: lr=0.01 0.6 ± 0.01, lr=0.1 0.2 ± 0.01, lr=1 0.5 ± 0.01 (mean ± s.d. over 3 seeds); it depends on learning_rate: the change is not one-way; lowest at lr=0.1, highest at lr=0.01.
}

// A per-step loss that goes up and down by a tenth of its level oscillates;
// one that stays at ln 2 with tiny noise is flat, not oscillating.
func ExampleOscillatesClaim() {
	jumpy := &history.History{StepLoss: []float64{1, 0.8, 1.1, 0.7, 1.0, 0.75, 1.05}}
	flat := &history.History{StepLoss: []float64{0.6931, 0.6932, 0.6931, 0.6932, 0.6931, 0.6932}}
	for _, g := range []evidence.Group{evidence.NewGroup("lr=1", jumpy, jumpy), evidence.NewGroup("lr=3", flat, flat)} {
		v := evidence.MustJudge(evidence.OscillatesClaim("too-large-oscillates", string(evidence.StepLoss), g))
		fmt.Println(v.Outcome, "—", v.English)
	}
	// Output:
	// supported — Supported: the per-step training loss of lr=1 oscillates (goes up and down). Measured: lr=1 · direction changes 1 ± 0, lr=1 · mean step / level 0.319 ± 0 (mean ± s.d. over 2 seeds); 2 of 2 seeds oscillate (direction changes in at least 30% of steps, mean step at least 2% of the level).
	// refuted — Refuted: the per-step training loss of lr=3 oscillates (goes up and down). Measured: lr=3 · direction changes 1 ± 0, lr=3 · mean step / level 0.0001443 ± 0 (mean ± s.d. over 2 seeds); 0 of 2 seeds oscillate (direction changes in at least 30% of steps, mean step at least 2% of the level); 2 seeds change direction often but by tiny steps: flat, not oscillating.
}

// Time per epoch at batch sizes around 128, the multiple of 8 marked.
func ExampleLowerThanNeighbours() {
	sec := func(label string, s float64) evidence.Group {
		h := func(x float64) *history.History {
			return &history.History{Epochs: []history.Epoch{{Epoch: 1, Seconds: x}, {Epoch: 2, Seconds: x}}}
		}
		return evidence.NewGroup(label, h(s), h(s*1.01), h(s*0.99))
	}
	v := evidence.MustJudge(evidence.LowerThanNeighbours("multiples-of-8-faster",
		evidence.Measure{Metric: history.Seconds, At: evidence.Mean}, "batch_size",
		[]evidence.Group{sec("127", 0.0485), sec("128", 0.049), sec("129", 0.050)}, []bool{false, true, false}))
	fmt.Println(v.Outcome)
	fmt.Println(v.Chinese)
	// Output:
	// depends
	// 视情况而定：128 处的平均每轮秒数低于相邻的 batch_size 取值。测得：127 0.0485 ± 0.000485，128 0.049 ± 0.00049，129 0.05 ± 0.0005（3 个种子的均值 ± 标准差）；在 1/2 次与相邻取值的比较中低于且超出种子间波动（合并标准差）；未做到：128 vs 127。
}

// Batch sizes 126…130 from a sweep, ordered, with the multiple of 8 marked.
func ExampleMultiples() {
	var groups []evidence.Group
	for _, b := range []int{130, 128, 126, 129, 127} {
		groups = append(groups, evidence.Group{Label: fmt.Sprint("batch ", b), Values: map[string]any{"batch_size": b}})
	}
	sorted := evidence.SortBy(groups, "batch_size")
	for i, m := range evidence.Multiples(sorted, "batch_size", 8) {
		fmt.Println(sorted[i].Label, m)
	}
	g, _ := evidence.Where(groups, "batch_size", 128.0)
	fmt.Println("where:", g.Label)
	// Output:
	// batch 126 false
	// batch 127 false
	// batch 128 true
	// batch 129 false
	// batch 130 false
	// where: batch 128
}

// A change of learning rate that helps a narrow network and not a wide one:
// the learning rate and the width interact.
func ExampleInteracts() {
	g := func(label string, x float64) evidence.Group {
		return evidence.NewGroup(label, run(1, x-0.01), run(1, x), run(1, x+0.01))
	}
	v := evidence.MustJudge(evidence.Interacts("lr-and-width-interact",
		evidence.Measure{Metric: history.ValLoss, At: evidence.Best},
		g("w16 lr=0.003", 0.35), g("w16 lr=0.01", 0.27), g("w64 lr=0.003", 0.27), g("w64 lr=0.01", 0.27)))
	fmt.Println(v.Outcome)
	fmt.Println(v.English)
	// Output:
	// supported
	// Supported: the effect on the best validation loss of going from w16 lr=0.003 to w16 lr=0.01 differs from that of going from w64 lr=0.003 to w64 lr=0.01 (the hyperparameters interact). Measured: w16 lr=0.003 0.35 ± 0.01, w16 lr=0.01 0.27 ± 0.01, w64 lr=0.003 0.27 ± 0.01, w64 lr=0.01 0.27 ± 0.01 (mean ± s.d. over 3 seeds); the two effects are -0.08 and 0; their difference 0.08 exceeds the seed spread 0.01414 (pooled s.d. × √2, for a difference of differences).
}

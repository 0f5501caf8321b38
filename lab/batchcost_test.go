package lab

import (
	"strings"
	"testing"

	"github.com/hyperlab-go/hyperlab/evidence"
	"github.com/hyperlab-go/hyperlab/history"
	"github.com/hyperlab-go/hyperlab/training"
)

func sampleCosts() BatchCosts {
	rep := func(t8, t128, t256 float64) []training.BatchCost {
		return []training.BatchCost{
			{BatchSize: 8, StepsPerEpoch: 200, EpochSeconds: t8, StepBytes: 40 * 1024},
			{BatchSize: 128, StepsPerEpoch: 13, EpochSeconds: t128, StepBytes: 100 * 1024},
			{BatchSize: 256, StepsPerEpoch: 7, EpochSeconds: t256, StepBytes: 170 * 1024},
		}
	}
	return BatchCosts{Sizes: []int{8, 128, 256}, Reps: [][]training.BatchCost{rep(0.2, 0.012, 0.03), rep(0.06, 0.014, 0.031), rep(0.1, 0.013, 0.033)}}
}

func TestBatchCostsTable(t *testing.T) {
	tab := sampleCosts().Table()
	want := []string{"8", "200", "100", "0.5", "40", "5120"} // medians: 0.1 s per epoch, 0.5 ms per step
	for i, w := range want {
		if tab.Rows[0][i] != w {
			t.Errorf("row 0, column %q = %q; want %q", tab.Header[i], tab.Rows[0][i], w)
		}
	}
	if tab.Rows[1][2] != "13" {
		t.Errorf("batch 128: %q ms per epoch; want the median 13", tab.Rows[1][2])
	}
}

// The groups hold one epoch per repetition; a claim on them is judged.
func TestBatchCostsGroups(t *testing.T) {
	g := sampleCosts().Groups()
	if len(g) != 3 || len(g[0].Runs) != 3 || g[1].Label != "batch_size=128" {
		t.Fatalf("groups %+v", g)
	}
	v, err := evidence.Judge(evidence.LowerThan("larger-batch-faster-epoch",
		evidence.Measure{Metric: history.Seconds, At: evidence.Mean}, g[1], g[0]))
	if err != nil || v.Outcome != evidence.Supported {
		t.Errorf("128 vs 8 epoch seconds: %v, %v; want supported", v.Outcome, err)
	}
}

func TestMemorySentence(t *testing.T) {
	c := sampleCosts()
	want := "One training step allocates 40 KiB at batch size 8 and 170 KiB at 256 (4.2×); it grows by 5 % or more at every larger size measured."
	if got := c.MemorySentence(); got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
	c.Reps[0][1].StepBytes = 30 * 1024
	if got := c.MemorySentence(); got != "One training step allocates 40 KiB at batch size 8 and 170 KiB at 256 (4.2×); it falls by 5 % or more from one size to the next at 8 → 128." {
		t.Errorf("with a fall: %s", got)
	}
	// 100 KiB → 99 KiB is a change of 1 %: about the same, not a fall.
	c.Reps[0][1].StepBytes = 41 * 1024
	c.Reps[0][0].StepBytes = 41*1024 + 400
	if got := c.MemorySentence(); got != "One training step allocates 41 KiB at batch size 8 and 170 KiB at 256 (4.1×); at every larger size measured it grows by 5 % or more or stays about the same (a change under 5 %: 8 → 128)." {
		t.Errorf("with a negligible fall: %s", got)
	}
	c.Reps[0][2].StepBytes = 20 * 1024
	if got := c.MemorySentence(); !strings.Contains(got, "falls by 5 % or more from one size to the next at 128 → 256, and stays about the same (a change under 5 %) at 8 → 128.") {
		t.Errorf("with a fall and a level: %s", got)
	}
}

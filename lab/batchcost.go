package lab

import (
	"fmt"
	"html"
	"math"
	"slices"
	"strings"

	"github.com/hyperlab-go/hyperlab/evidence"
	"github.com/hyperlab-go/hyperlab/history"
	"github.com/hyperlab-go/hyperlab/hparams"
	"github.com/hyperlab-go/hyperlab/internal/i18n"
	"github.com/hyperlab-go/hyperlab/training"
)

// BatchCosts is what MeasureBatchCost measured: per batch size, in the
// order given, one training.BatchCost per repetition.
type BatchCosts struct {
	Sizes []int
	Reps  [][]training.BatchCost // Reps[r][i]: repetition r, Sizes[i]
}

// MeasureBatchCost measures what each batch size costs on this machine:
// training.MeasureBatchCost on the named dataset's training split, reps
// times over all sizes (interleaved, so that a burst of load hits every
// size alike), and shows a table of the medians. Wall-clock times depend on
// the machine and its load; the memory one step allocates does not.
func MeasureBatchCost(v hparams.Values, dataset string, sizes []int, reps int) BatchCosts {
	if reps < 1 {
		Check(fmt.Errorf("lab: MeasureBatchCost needs at least 1 repetition, got %d", reps))
	}
	_, split, err := Setup{Dataset: dataset}.Load(v)
	Check(err)
	ctx, stop := signalContext()
	defer stop()
	out := BatchCosts{Sizes: sizes}
	for r := 0; r < reps; r++ {
		c, err := training.MeasureBatchCost(ctx, v, split, sizes, training.BatchCostOptions{})
		Check(err)
		out.Reps = append(out.Reps, c)
	}
	out.Table().Show()
	return out
}

// EpochSeconds returns, per size, the median epoch time of each repetition.
func (b BatchCosts) EpochSeconds(i int) []float64 {
	var xs []float64
	for _, rep := range b.Reps {
		xs = append(xs, rep[i].EpochSeconds)
	}
	return xs
}

// Table tabulates the costs: steps per epoch, the median over repetitions
// of the epoch and step time (rounded: they are wall-clock), and the bytes
// one step allocates, in all and per example of the batch.
func (b BatchCosts) Table() Table {
	t := Table{Caption: fmt.Sprintf("median of %d repetitions; times are wall-clock on this machine", len(b.Reps)),
		Header: []string{"batch size", "steps per epoch", "ms per epoch", "ms per step", "KiB per step", "bytes per example"}}
	for i, size := range b.Sizes {
		secs := b.EpochSeconds(i)
		first := b.Reps[0][i]
		bytes := float64(first.StepBytes)
		t.Rows = append(t.Rows, []string{fmt.Sprint(size), fmt.Sprint(first.StepsPerEpoch), history.Milliseconds(history.Median(secs)),
			history.Milliseconds(history.Median(secs) / float64(first.StepsPerEpoch)), fmt.Sprintf("%.0f", bytes/1024), fmt.Sprintf("%.0f", bytes/float64(size))})
	}
	return t
}

// Groups returns the epoch times as evidence groups, one per batch size,
// one "seed" per repetition (its history one epoch of that many seconds,
// rounded to two significant digits: the rest is timing noise),
// for evidence.TimingClaim and evidence.TimingNeighbours, which judge the
// median over repetitions (the table's statistic) against the timing
// noise. They point to no run store: judge them with ShowMeasured, not
// Verdict, since wall-clock times measured on another machine would not
// reproduce them.
func (b BatchCosts) Groups() []evidence.Group {
	out := make([]evidence.Group, len(b.Sizes))
	for i, size := range b.Sizes {
		var hs []*history.History
		for _, s := range b.EpochSeconds(i) {
			hs = append(hs, &history.History{Status: history.Finished, Epochs: []history.Epoch{{Epoch: 1, Seconds: hparams.Significant(s, 2), Steps: b.Reps[0][i].StepsPerEpoch}}})
		}
		g := evidence.NewGroup(fmt.Sprintf("%s=%d", training.ParamBatchSize, size), hs...)
		g.Values = map[string]any{training.ParamBatchSize: size}
		out[i] = g
	}
	return out
}

// MemoryLevel is the relative change in the bytes one step allocates
// below which MemorySentence calls two batch sizes about the same: the
// allocator's rounding moves a step's bytes by a few per cent.
const MemoryLevel = 0.05

// MemorySentence says how the bytes one step allocates change with the
// batch size, in the order of the sizes: where they grow, where they stay
// about the same (a change under MemoryLevel) and where they fall, and how
// much they grow from the smallest size to the largest.
func (b BatchCosts) MemorySentence() string {
	idx := make([]int, len(b.Sizes))
	for i := range idx {
		idx[i] = i
	}
	slices.SortFunc(idx, func(x, y int) int { return b.Sizes[x] - b.Sizes[y] })
	var falls, same []string
	for k := 1; k < len(idx); k++ {
		if b.Sizes[idx[k]] == b.Sizes[idx[k-1]] {
			continue
		}
		prev, cur := float64(b.Reps[0][idx[k-1]].StepBytes), float64(b.Reps[0][idx[k]].StepBytes)
		step := fmt.Sprintf("%d → %d", b.Sizes[idx[k-1]], b.Sizes[idx[k]])
		switch {
		case math.Abs(cur-prev) < MemoryLevel*math.Max(prev, 1):
			same = append(same, step)
		case cur < prev:
			falls = append(falls, step)
		}
	}
	lo, hi := b.Reps[0][idx[0]], b.Reps[0][idx[len(idx)-1]]
	s := i18n.Tf("One training step allocates %.0f KiB at batch size %d and %.0f KiB at %d (%.1f×)",
		float64(lo.StepBytes)/1024, lo.BatchSize, float64(hi.StepBytes)/1024, hi.BatchSize, float64(hi.StepBytes)/math.Max(1, float64(lo.StepBytes)))
	level := fmt.Sprintf("%.0f %%", 100*MemoryLevel)
	switch {
	case len(falls) == 0 && len(same) == 0:
		s += i18n.Tf("; it grows by %s or more at every larger size measured", level)
	case len(falls) == 0:
		s += i18n.Tf("; at every larger size measured it grows by %s or more or stays about the same (a change under %s: %s)", level, level, strings.Join(same, ", "))
	default:
		s += i18n.Tf("; it falls by %s or more from one size to the next at %s", level, strings.Join(falls, ", "))
		if len(same) > 0 {
			s += i18n.Tf(", and stays about the same (a change under %s) at %s", level, strings.Join(same, ", "))
		}
	}
	return s + i18n.T(".")
}

// ShowMeasured judges a claim on measurements of this machine (such as
// BatchCosts.Groups) and shows its wording, English and Chinese, as a
// note: not a verdict box, since a recheck elsewhere could not reproduce
// wall-clock numbers.
func ShowMeasured(c evidence.Claim) evidence.Verdict {
	v, err := evidence.Judge(c)
	Check(err)
	en := "Measured on this machine (not rechecked): " // the English key of the catalog
	zh := i18n.In(i18n.Chinese, "Measured on this machine (not rechecked): ")
	Display(`<p class="hyperlab-measured"><b>`+html.EscapeString(en)+"</b>"+html.EscapeString(v.English)+"<br><b>"+html.EscapeString(zh)+"</b>"+html.EscapeString(v.Chinese)+"</p>",
		en+v.English+"\n"+zh+v.Chinese+"\n")
	return v
}

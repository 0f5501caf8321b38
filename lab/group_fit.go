package lab

import (
	"fmt"

	"github.com/hyperlab-go/hyperlab/history"
	"github.com/hyperlab-go/hyperlab/plotting"
	"github.com/hyperlab-go/hyperlab/training"
)

// FitGroup is Fit over the seeds of a group: the first epoch, the best
// epoch of the seed-mean validation loss (not a seed's own dip) and the
// last epoch, each metric as mean ± s.d. over the seeds that reached it.
// Its sentence names the best epoch of the mean.
func FitGroup(g *Group) (Table, string) {
	t := Table{Caption: fmt.Sprintf("mean ± s.d. over %d seeds", len(g.Runs)),
		Header: []string{"moment", "epoch", "train loss", "val loss", "gap (val−train)", "val accuracy"}}
	val := g.Curve(history.ValLoss)
	if len(val.Epochs) == 0 {
		return t, "The group has no finished epoch."
	}
	best, ok := val.Best()
	if !ok {
		return t, "The group has no validation loss to compare epochs by."
	}
	train, acc := g.Curve(history.TrainLoss), g.Curve(history.ValAccuracy)
	gap := gapCurve(g.Histories())
	for _, m := range []struct {
		name string
		i    int
	}{{"first epoch", 0}, {"best epoch of the mean", best}} {
		t.Rows = append(t.Rows, []string{m.name, fmt.Sprint(val.Epochs[m.i]), training.MeanSD(train.Stats[m.i]),
			training.MeanSD(val.Stats[m.i]), training.MeanSD(gap[m.i]), training.MeanSD(acc.Stats[m.i])})
	}
	// The last row is each seed's own last epoch: seeds stopped early end
	// at different epochs.
	lastEpochs := history.Summarize(lastEpochs(g.Histories()))
	epoch := fmt.Sprint(lastEpochs.Max)
	if lastEpochs.Min != lastEpochs.Max {
		epoch = fmt.Sprintf("%g–%g", lastEpochs.Min, lastEpochs.Max)
	}
	t.Rows = append(t.Rows, []string{"last epoch", epoch, training.MeanSD(g.Final(history.TrainLoss)), training.MeanSD(g.Final(history.ValLoss)),
		training.MeanSD(finalGap(g.Histories())), training.MeanSD(g.Final(history.ValAccuracy))})
	s := fmt.Sprintf("The mean validation loss over the seeds is lowest at epoch %d; the runs end at epoch %s.", val.Epochs[best], epoch)
	return t, s
}

// finalGap is the validation minus training loss at each run's last epoch.
func finalGap(runs []*history.History) history.Stat {
	var xs []float64
	for _, h := range runs {
		if e, ok := h.Last(); ok {
			xs = append(xs, e.ValLoss-e.TrainLoss)
		}
	}
	return history.Summarize(xs)
}

// lastEpochs is the number of each run's last epoch.
func lastEpochs(runs []*history.History) []float64 {
	var out []float64
	for _, h := range runs {
		if e, ok := h.Last(); ok {
			out = append(out, float64(e.Epoch))
		}
	}
	return out
}

// gapCurve is the validation minus training loss per epoch over runs.
func gapCurve(runs []*history.History) []history.Stat {
	var out []history.Stat
	for e := 0; ; e++ {
		var xs []float64
		for _, h := range runs {
			if e < len(h.Epochs) {
				xs = append(xs, h.Epochs[e].ValLoss-h.Epochs[e].TrainLoss)
			}
		}
		if len(xs) == 0 {
			return out
		}
		out = append(out, history.Summarize(xs))
	}
}

// ShowGroupFit shows a group's training and validation loss per epoch
// (seed mean with a min–max band, the best epoch of the mean marked) and
// FitGroup's table below.
func ShowGroupFit(g *Group) {
	c, err := plotting.FitBand(g.plotting(""), plotting.BandOptions{})
	Check(err)
	show(c)
	t, s := FitGroup(g)
	t.ShowWith(s)
}

package lab

import (
	"context"
	"fmt"
	"html"
	"os"
	"os/signal"

	"github.com/hyperlab-go/hyperlab/hparams"
	"github.com/hyperlab-go/hyperlab/training"
)

// FindLR runs the learning-rate range test on the named dataset: it trains
// for a few steps while the learning rate grows exponentially (from 1e-5
// to 10 unless opts say otherwise), and shows the loss against the rate,
// the suggested rate marked, with the rule that chose it. Choose a rate a
// little below where the loss falls fastest, well below where it shoots up.
func FindLR(v hparams.Values, dataset string, opts training.LRFindOptions) *training.LRFind {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	res, err := FindLRErr(ctx, v, dataset, opts)
	Check(err)
	var xs, raw, smooth []float64
	for _, p := range res.Points {
		xs = append(xs, p.LearningRate)
		raw = append(raw, p.Loss)
		smooth = append(smooth, p.Smoothed)
	}
	sm := line{Name: "smoothed loss", X: xs, Y: smooth}
	if finite(res.Suggested) {
		sm.MarkX = []markX{{Label: fmt.Sprintf("suggested %.2g", res.Suggested), X: res.Suggested}}
	}
	show(xyChart("Learning-rate range test", "learning rate", true, "training loss", true,
		line{Name: "loss of the step", X: xs, Y: raw, Dashed: true}, sm))
	msg := fmt.Sprintf("Suggested learning rate %.3g (%s). The test %s.", res.Suggested, res.Rule, res.Stopped)
	Display("<p>"+html.EscapeString(msg)+"</p>", msg+"\n")
	return res
}

// FindLRErr is FindLR for Go code: no display, the error returned.
func FindLRErr(ctx context.Context, v hparams.Values, dataset string, opts training.LRFindOptions) (*training.LRFind, error) {
	if opts.StartLR == 0 {
		opts.StartLR = 1e-5
	}
	_, split, err := Setup{Dataset: dataset}.Load(v)
	if err != nil {
		return nil, err
	}
	return training.FindLR(ctx, v, split, opts)
}

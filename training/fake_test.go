package training

import (
	"context"
	"errors"
	"math"
	"sync/atomic"

	"github.com/hyperlab-go/hyperlab/datasets"
	"github.com/hyperlab-go/hyperlab/history"
	"github.com/hyperlab-go/hyperlab/hparams"
)

// fakeTrainer "trains" without GoMLX, for the sweep and search tests, and
// honours OnEpoch and PruneWhen: the loss of epoch e is |log10(lr/0.01)| +
// dropout_rate + 1/e, so the best trials sit near learning_rate 0.01 and
// dropout 0; lr ≥ 5 diverges at epoch 2, lr = 0.02 returns an error and
// lr = 0.03 panics.
func fakeTrainer(calls *atomic.Int32) Trainer {
	return func(ctx context.Context, v hparams.Values, _ datasets.Split, opts ...Option) (*history.History, error) {
		calls.Add(1)
		var o options
		for _, opt := range opts {
			opt(&o)
		}
		lr, drop := v.Float(ParamLearningRate), v.Float(ParamDropoutRate)
		switch lr {
		case 0.02:
			return nil, errors.New("training: batch_size=4096 is larger than the 200 training rows; use at most 200")
		case 0.03:
			panic("boom")
		}
		h := &history.History{Status: history.Finished}
		for e := 1; e <= v.Int(ParamEpochs); e++ {
			if lr >= 5 && e == 2 {
				h.Status, h.Err = history.Diverged, "train loss is NaN at epoch 2"
				break
			}
			loss := math.Abs(math.Log10(lr/0.01)) + drop + 1/float64(e)
			ep := history.Epoch{Epoch: e, TrainLoss: loss, ValLoss: loss, ValAccuracy: math.NaN(),
				ValError: math.NaN(), TrainAccuracy: math.NaN(), LearningRate: lr, Steps: 1, Seconds: 0.01}
			h.Epochs = append(h.Epochs, ep)
			for _, f := range o.onEpoch {
				f(ep)
			}
			// As the real loop: a pruner judges every epoch but the last.
			for _, prune := range o.prune {
				if e < v.Int(ParamEpochs) && prune(ep) {
					h.Status = history.Pruned
					return h, nil
				}
			}
		}
		return h, nil
	}
}

package training

import (
	"context"
	"fmt"

	"github.com/hyperlab-go/hyperlab/datasets"
	"github.com/hyperlab-go/hyperlab/hparams"
)

// FindLR runs a learning-rate range test (fastai's lr_find): it trains the
// model v describes on data.Train for up to opts.Steps steps, the learning
// rate of step i being opts.LRAt(i) (exponentially growing, whatever
// lr_schedule says), records each step's loss and its smoothed value, and
// stops early when the smoothed loss explodes. The model is thrown away;
// only the loss-against-rate curve and the suggestion are kept.
//
// The other hyperparameters (model, optimizer, batch_size, seed) are v's;
// learning_rate and lr_schedule are ignored.
func FindLR(ctx context.Context, v hparams.Values, data datasets.Split, opts LRFindOptions) (*LRFind, error) {
	opts = opts.withDefaults()
	if err := opts.validate(); err != nil {
		return nil, err
	}
	p, err := NewPlan(v, data)
	if err != nil {
		return nil, err
	}
	m, err := p.newModel(nil)
	if err != nil {
		return nil, err
	}
	cfg, tr := p.Config, data.Train
	rec := newLRRecorder(opts)
	b := newBatcher(tr, cfg.BatchSize, cfg.Shuffle, int64(cfg.Seed))
	err = guard("the learning-rate range test", func() error {
		epoch, k := 1, 0
		b.startEpoch(epoch)
		for i := range opts.Steps {
			if ctx.Err() != nil {
				rec.stopped = fmt.Sprintf("cancelled after %d steps", i)
				return nil
			}
			if k == b.steps() {
				epoch, k = epoch+1, 0
				b.startEpoch(epoch)
			}
			b.fill(k)
			k++
			lr := opts.LRAt(i)
			l, _, _, err := m.step(b, lr)
			if err != nil {
				return err
			}
			if !rec.add(i, lr, l) {
				return nil
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return rec.result(), nil
}

package training

import (
	"context"
	"fmt"
	"sort"

	"github.com/hyperlab-go/hyperlab/history"
	"github.com/hyperlab-go/hyperlab/hparams"
)

// Halving is successive halving: every trial trains MinEpochs epochs (rung
// 0); the better 1/Eta of them (by best loss) train Eta times as many
// epochs (rung 1); and so on until the survivors reach their full
// "epochs". A lone survivor goes straight to its full epochs.
//
// Each rung trains its survivors from scratch with the rung's epoch budget
// (the run store keeps each rung as its own run, so a halving sweep resumes
// like any other). A trial dropped at a rung keeps the row of that rung,
// with status Pruned.
type Halving struct {
	MinEpochs int // epochs of the first rung; at least 1
	Eta       int // keep 1/Eta at each rung; 0 means 2
}

func (s *Sweep) runHalving(ctx context.Context, trials []int) ([]Row, error) {
	hv := *s.Halving
	if hv.Eta == 0 {
		hv.Eta = 2
	}
	if hv.MinEpochs < 1 || hv.Eta < 2 {
		return nil, fmt.Errorf("training: successive halving needs MinEpochs ≥ 1 and Eta ≥ 2 (got %d and %d)", hv.MinEpochs, hv.Eta)
	}
	for _, i := range trials {
		if !s.Trials[i].Has(ParamEpochs) {
			return nil, fmt.Errorf("training: successive halving sets the epochs of each rung, but trial %d has no %q hyperparameter", i, ParamEpochs)
		}
	}
	final := map[int]Row{}
	alive := trials
	budget := hv.MinEpochs
	for rung := 0; len(alive) > 0; rung++ {
		last := true
		vals := make([]hparams.Values, len(alive))
		for k, i := range alive {
			full := s.Trials[i].Int(ParamEpochs)
			v := s.Trials[i]
			if budget < full {
				last = false
				var err error
				if v, err = v.With(ParamEpochs, budget); err != nil {
					return nil, fmt.Errorf("training: successive halving rung %d: %w", rung, err)
				}
			}
			vals[k] = v
		}
		rows := s.runAll(ctx, rung, alive, vals)
		for _, r := range rows {
			final[r.Trial] = r
		}
		if last || ctx.Err() != nil || len(rows) < len(alive) {
			break
		}
		ranked := append([]Row(nil), rows...)
		sort.SliceStable(ranked, func(a, b int) bool { return better(ranked[a], ranked[b]) })
		keep := (len(ranked) + hv.Eta - 1) / hv.Eta
		for _, r := range ranked[keep:] {
			if r.Status == history.Finished {
				r.Status = Pruned
			}
			final[r.Trial] = r
		}
		alive = alive[:0:0]
		for _, r := range ranked[:keep] {
			alive = append(alive, r.Trial)
		}
		sort.Ints(alive)
		if keep == 1 {
			budget = 1 << 30 // the survivor trains its full epochs
		} else {
			budget *= hv.Eta
		}
	}
	var out []Row
	for _, i := range trials {
		if r, ok := final[i]; ok {
			out = append(out, r)
		}
	}
	return out, nil
}

// better orders rows for halving: finished rows with a finite best loss
// first, lower best loss first.
func better(a, b Row) bool {
	ua, ub := a.Complete(), b.Complete()
	if ua != ub {
		return ua
	}
	return ua && a.BestLoss < b.BestLoss
}

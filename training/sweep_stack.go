package training

import (
	"context"

	"github.com/hyperlab-go/hyperlab/hparams"
)

// stacks reports whether the sweep trains its trials in stacks (see
// RunStack): on by default (StackByDefault) for a sweep of Run over a
// list of trials; a custom Train, halving, a search or NoStack in Options
// trains them one by one.
func (s *Sweep) stacks() bool {
	return s.Train == nil && s.Halving == nil && s.Search == nil && newOptions(s.Options).stacking()
}

// runStacked is runAll for a stacking sweep: the trials that can share a
// graph (StackGroups) are cut into stacks, at least one per worker so
// that every worker has one, and each stack is one work item; the rest
// train one by one. A trial already in the store is read back, as runOne
// does. Rows come back in trial order; trials not started before ctx was
// cancelled are left out.
func (s *Sweep) runStacked(ctx context.Context, idx []int, vals []hparams.Values, workers int) []Row {
	workers = max(1, min(workers, len(idx)))
	plans := make([]*Plan, len(idx))
	var ok []int // positions in idx with a plan
	var items [][]int
	for k, v := range vals {
		p, err := NewPlan(v, s.Data)
		if err != nil {
			items = append(items, []int{k}) // runOne reports the error as the row
			continue
		}
		plans[k] = p
		ok = append(ok, k)
	}
	okPlans := make([]*Plan, len(ok))
	for j, k := range ok {
		okPlans[j] = plans[k]
	}
	for _, g := range StackGroups(okPlans) {
		size := max(1, (len(g)+workers-1)/workers)
		for start := 0; start < len(g); start += size {
			var item []int
			for _, j := range g[start:min(start+size, len(g))] {
				item = append(item, ok[j])
			}
			items = append(items, item)
		}
	}
	return runItems(ctx, workers, len(idx), items, func(item []int, rows []Row, ran []bool) {
		if len(item) == 1 {
			k := item[0]
			rows[k], ran[k] = s.runOne(ctx, 0, idx[k], len(idx), vals[k]), true
			return
		}
		s.runStack(ctx, item, idx, vals, plans, rows, ran)
	})
}

// runStack trains the trials at positions item of idx in one stack, after
// reading back those already stored, and fills their rows.
func (s *Sweep) runStack(ctx context.Context, item, idx []int, vals []hparams.Values, plans []*Plan, rows []Row, ran []bool) {
	var train []int
	var events []TrialEvent
	for _, k := range item {
		ev, reused := s.reuse(0, idx[k], len(idx), vals[k])
		if reused {
			rows[k], ran[k] = ev.Row, true
			continue
		}
		s.notify(ev)
		train, events = append(train, k), append(events, ev)
	}
	if len(train) == 0 {
		return
	}
	ps, opts := make([]*Plan, len(train)), make([][]Option, len(train))
	for j, k := range train {
		ps[j], opts[j] = plans[k], s.trialOptions(idx[k], nil)
	}
	hs, errs := RunStack(ctx, ps, opts)
	for j, k := range train {
		h := trialHistory(hs[j], errs[j])
		ev := events[j]
		ev.Done = true
		ev.Row = NewRow(idx[k], ev.ID, vals[k].Map(), h, runSeconds(h))
		s.notify(ev)
		rows[k], ran[k] = ev.Row, true
	}
}

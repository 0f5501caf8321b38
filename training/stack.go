package training

import (
	"context"
	"errors"
	"fmt"
	"math"
	"runtime"
	"slices"
	"sync"
	"time"

	"github.com/hyperlab-go/hyperlab/history"
	"github.com/hyperlab-go/hyperlab/runstore"
)

// StackByDefault is whether seeds and sweeps train the configurations that
// can share a graph in one (see StackGroups). It is the one place the
// default is decided; NoStack turns stacking off for a call.
const StackByDefault = true

// MaxStack bounds the models of one stack: enough to pay a graph's
// per-operation overhead once for a whole sweep of toy models, few enough
// that one stack's buffers stay small.
const MaxStack = 64

// maxStackParams is the largest model that is stacked. Above it a step's
// arithmetic, not the per-operation overhead, takes the time (an MNIST MLP
// has about 100,000 parameters), so stacking would gain nothing.
const maxStackParams = 20_000

// NoStack trains every configuration of RunSeeds or a Sweep in its own
// graph, one after the other, instead of stacking those that can share one.
func NoStack() Option {
	return func(o *options) { o.noStack = true }
}

// stacking reports whether o lets configurations train stacked.
func (o *options) stacking() bool { return StackByDefault && !o.noStack && len(o.artifacts) == 0 }

// StackKey is what plans must share to train in one graph: the
// architecture (layer widths and activation), the loss, the optimizer (its
// coefficients may differ), the batch size, the epochs, shuffling and the
// data. The seed, the learning rate and its schedule, the optimizer's
// coefficients, dropout rate, L1, L2 and weight decay may differ. It is ""
// for a plan that is never stacked: a model too large to gain from it (see
// maxStackParams) or Values with names of the user's own, which GoMLX
// could read in ways a stack would not reproduce.
func (p *Plan) StackKey() string {
	if p.Params > maxStackParams || !stackedOptimizers[p.Config.Optimizer] {
		return ""
	}
	known := KnownNames()
	for name := range p.Values.Map() {
		if !slices.Contains(known, name) {
			return ""
		}
	}
	c := p.Config
	return fmt.Sprintf("widths=%v activation=%s loss=%s huber=%g optimizer=%s batch=%d epochs=%d shuffle=%t data=%p,%p",
		p.widths(), c.Activation, p.Loss, c.HuberDelta, c.Optimizer, c.BatchSize, c.Epochs, c.Shuffle, p.Data.Train, p.Data.Validation)
}

// StackGroups partitions plans (by index) into groups that can train in one
// graph: equal StackKey, at most MaxStack each, and no more than fit in
// memory together (stackFits), in order of first appearance. A plan that
// cannot be stacked is a group of its own.
func StackGroups(plans []*Plan) [][]int {
	var groups [][]int
	open := map[string]int{} // key → index in groups of its newest group
	for i, p := range plans {
		key := p.StackKey()
		if g, ok := open[key]; ok && key != "" && len(groups[g]) < MaxStack && stackFits(p, len(groups[g])+1) {
			groups[g] = append(groups[g], i)
			continue
		}
		groups = append(groups, []int{i})
		if key != "" {
			open[key] = len(groups) - 1
		}
	}
	return groups
}

// RunPlans trains plans, plan i with opts[i], and returns each History and
// error in order, as Plan.Run would one by one. Plans that share a
// StackKey train in one graph, unless an option turns stacking off
// (NoStack) or asks for artifacts (DecisionBoundary, WeightSnapshots), which
// only a run of its own saves; such a group trains as one stack per core,
// at the same time (runGroup), so callbacks run on other goroutines than
// the caller's, one at a time.
func RunPlans(ctx context.Context, plans []*Plan, opts [][]Option) ([]*history.History, []error) {
	hs, errs := make([]*history.History, len(plans)), make([]error, len(plans))
	var stackable []*Plan
	var at []int
	for i, p := range plans {
		if newOptions(opts[i]).stacking() {
			stackable, at = append(stackable, p), append(at, i)
			continue
		}
		hs[i], errs[i] = p.Run(ctx, opts[i]...)
	}
	for _, g := range StackGroups(stackable) {
		ps, os := make([]*Plan, len(g)), make([][]Option, len(g))
		for j, k := range g {
			ps[j], os[j] = stackable[k], opts[at[k]]
		}
		gh, ge := runGroup(ctx, ps, os)
		for j, k := range g {
			hs[at[k]], errs[at[k]] = gh[j], ge[j]
		}
	}
	return hs, errs
}

// runGroup trains plans that share a StackKey, plan i with opts[i], as
// one stack per core at the same time (a part of one plan trains alone).
// simplego runs a graph's ops one after the other on about one core, so
// two stacks of K/2 models at once take about half the time of one stack
// of K, and two models alone at once less than a stack of two
// (docs/benchmarks.md). The parts' callbacks take turns (serialized), as
// they would one run after the other.
func runGroup(ctx context.Context, plans []*Plan, opts [][]Option) ([]*history.History, []error) {
	parts := min(runtime.GOMAXPROCS(0), len(plans))
	if parts == 1 {
		return runPart(ctx, plans, opts)
	}
	hs, errs := make([]*history.History, len(plans)), make([]error, len(plans))
	var mu sync.Mutex
	var wg sync.WaitGroup
	size := (len(plans) + parts - 1) / parts
	for lo := 0; lo < len(plans); lo += size {
		hi := min(lo+size, len(plans))
		part := make([][]Option, hi-lo)
		for j := range part {
			part[j] = append(slices.Clip(opts[lo+j]), serialized(&mu))
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			h, e := runPart(ctx, plans[lo:hi], part)
			copy(hs[lo:hi], h)
			copy(errs[lo:hi], e)
		}()
	}
	wg.Wait()
	return hs, errs
}

// runPart trains plans as one stack, or alone when there is one.
func runPart(ctx context.Context, plans []*Plan, opts [][]Option) ([]*history.History, []error) {
	if len(plans) == 1 {
		h, err := plans[0].Run(ctx, opts[0]...)
		return []*history.History{h}, []error{err}
	}
	return RunStack(ctx, plans, opts)
}

// member is one model of a stack.
type member struct {
	p     *Plan
	o     *options
	opts  []Option
	l     *loop
	alone bool // lost a store race: trained (or read back) alone afterwards
	done  bool // has its result: read from the store, or a failed store step
	err   error
}

// RunStack trains plans, which must share a StackKey, in one graph, plan i
// with opts[i] (StackGroups makes such groups). Each model's History is
// what Plan.Run would return for it alone, within float32 rounding: model
// k starts from the weights its seed gives alone, draws its batches in its
// own shuffled order and its dropout masks from its own random state, and
// stops on its own (early stopping, divergence, pruning) while the others
// go on. With a Store each is recorded as its own run, and one already
// stored is read back instead of trained. The sums of a batched product
// may be accumulated in another order than alone, so losses agree to
// within 1e-6 relative (the tests' tolerance; in practice most are
// bit for bit equal).
func RunStack(ctx context.Context, plans []*Plan, opts [][]Option) ([]*history.History, []error) {
	if len(plans) == 0 {
		return nil, nil
	}
	ms := make([]*member, len(plans))
	key := plans[0].StackKey()
	for i, p := range plans {
		ms[i] = &member{p: p, o: newOptions(opts[i]), opts: opts[i]}
		if k := p.StackKey(); k == "" || k != key || len(plans) > MaxStack || len(ms[i].o.artifacts) > 0 {
			ms[i].done, ms[i].err = true, fmt.Errorf("training: RunStack got plans that cannot share a graph (plan %d differs from plan 0 or saves artifacts); group them with StackGroups or use RunPlans", i)
		}
	}
	var train []*member
	for _, m := range ms {
		if !m.done {
			m.prepare()
		}
		if !m.done && !m.alone {
			train = append(train, m)
		}
	}
	if len(train) > 0 {
		trainStack(ctx, train)
	}
	hs, errs := make([]*history.History, len(ms)), make([]error, len(ms))
	for i, m := range ms {
		if m.alone {
			hs[i], errs[i] = m.p.Run(ctx, m.opts...)
			continue
		}
		if m.l != nil {
			hs[i] = m.l.h
		}
		errs[i] = m.err
	}
	return hs, errs
}

// prepare does what job.tryStored does before training: it reads back a
// reusable stored run (done), or clears a stale one and opens the run's
// writer. A run another writer holds is left to Plan.Run (alone), which
// waits for it.
func (m *member) prepare() {
	// As Plan.Run: what the run holds in memory is checked before it starts.
	if err := runMemory(m.p.Config, m.p.Data, m.p.Outputs, 0, 1).Check(); err != nil {
		m.done, m.err = true, err
		return
	}
	m.l = &loop{cfg: m.p.Config, train: m.p.Data.Train, val: m.p.Data.Validation, o: m.o,
		h: &history.History{Status: history.Running, Layers: slices.Clone(m.p.Layers)}}
	s := m.o.store
	if s == nil {
		return
	}
	id := runID(m.p.Values, m.p.Data.Fingerprint())
	run, err := s.Load(id)
	switch {
	case err != nil && !isNotFound(err):
		m.fail(fmt.Errorf("training: reading the stored run: %w", err))
		return
	case err != nil:
		err = nil // a new run
	case reusableRun(run, false) && !m.o.noCache:
		h := run.History
		m.l.h, m.done = &h, true
		m.o.setReused(true)
		return
	case run.Complete:
		err = s.Delete(id)
	default:
		err = s.Reset(id)
	}
	if err == nil {
		meta := runstore.Meta{ID: id, Values: m.p.Values.Map(), Seed: int64(m.p.Config.Seed), Dataset: m.p.Data.Train.Name, DataFingerprint: m.p.Data.Fingerprint()}
		m.l.w, err = s.Create(meta)
	}
	if lostRace(err) {
		m.alone, m.l = true, nil
		return
	}
	if err != nil {
		m.fail(err)
	}
}

// fail ends the member's run as Failed with err.
func (m *member) fail(err error) {
	err = prefixed(err)
	m.done, m.err = true, err
	if m.l == nil {
		return
	}
	m.l.h.Status, m.l.h.Err = history.Failed, err.Error()
	m.finish()
}

// finish stores the member's final History.
func (m *member) finish() {
	if m.l.w == nil {
		return
	}
	if err := m.l.w.Finish(m.l.h); err != nil && m.err == nil {
		m.err = err
	}
	m.l.w.Close()
	m.l.w = nil
}

// trainStack builds the stack of ms and runs its epoch loop.
func trainStack(ctx context.Context, ms []*member) {
	plans := make([]*Plan, len(ms))
	for i, m := range ms {
		plans[i] = m.p
		m.l.share = len(ms)
	}
	backend := ms[0].o.backend
	var err error
	if backend == nil {
		backend, err = defaultBackend(plans[0].Config.BatchSize, plans[0].widths()...)
	}
	var sm *stackModel
	if err == nil {
		err = guard("building the model", func() error {
			var err error
			sm, err = newStackModel(backend, plans)
			return err
		})
	}
	if err == nil {
		err = guard("training", func() error { return runStackLoop(ctx, sm, ms) })
	}
	for _, m := range ms {
		switch {
		case m.done:
		case err != nil:
			m.fail(err)
		default:
			m.finish()
		}
	}
}

// runStackLoop is loop.run for a stack: every model steps together, and a
// model whose run ends (diverged, stopped early, pruned, failed) is left
// out of the bookkeeping while the others go on; its rows of the stack
// keep computing, unused, until the stack ends.
func runStackLoop(ctx context.Context, sm *stackModel, ms []*member) error {
	active := len(ms)
	end := func(m *member, err error) {
		if err != nil {
			m.fail(err)
		} else {
			m.finish()
			m.done = true
		}
		active--
	}
	bs := make([]*batcher, len(ms))
	for i, m := range ms {
		l := m.l
		l.b = newBatcher(l.train, l.cfg.BatchSize, l.cfg.Shuffle, int64(l.cfg.Seed))
		l.sched = NewSchedule(l.cfg, l.b.steps())
		l.limit, l.best = math.Inf(1), math.Inf(1)
		bs[i] = l.b
	}
	if ctx.Err() != nil {
		for _, m := range ms {
			m.l.h.Status = history.Cancelled
		}
		return nil
	}
	lrs := make([]float64, len(ms))
	sums := make([]epochSums, len(ms))
	steps := bs[0].steps()
	for epoch := 1; epoch <= ms[0].p.Config.Epochs; epoch++ {
		for i, m := range ms {
			sums[i] = epochSums{start: time.Now(), first: len(m.l.h.StepLoss)}
			m.l.b.startEpoch(epoch)
		}
		for k := range steps {
			rows := 0
			for i, m := range ms {
				rows = m.l.b.fill(k)
				lrs[i] = m.l.sched.At(m.l.step)
			}
			loss, penalty, score, err := sm.step(bs, lrs)
			if err != nil {
				return err
			}
			for i, m := range ms {
				if m.done {
					continue
				}
				sums[i].learningRate = lrs[i]
				err := m.l.afterStep(epoch, k, rows, loss[i], penalty[i], score[i], &sums[i])
				if err != nil || m.l.h.Status != history.Running {
					end(m, err)
				}
			}
			if ctx.Err() != nil {
				for i, m := range ms {
					if !m.done {
						m.l.h.Status = history.Cancelled
						if err := m.l.saveSteps(sums[i].first); err != nil {
							m.fail(err)
						}
					}
				}
				return nil
			}
			if active == 0 {
				return nil
			}
		}
		var vLoss, vPenalty, vScore []float64
		if ms[0].l.hasVal() {
			var err error
			if vLoss, vPenalty, vScore, err = sm.evaluate(ms[0].l.val); err != nil {
				return err
			}
		}
		for i, m := range ms {
			if m.done {
				continue
			}
			e := m.l.epoch(epoch, sums[i])
			if vLoss != nil {
				m.l.setVal(&e, vLoss[i], vPenalty[i], vScore[i], sums[i].start)
			}
			stop, err := m.l.judgeEpoch(epoch, e, sums[i].first)
			if err != nil || stop {
				end(m, err)
			}
		}
		if active == 0 {
			return nil
		}
	}
	for _, m := range ms {
		if !m.done {
			m.l.h.Status = history.Finished
		}
	}
	return nil
}

func isNotFound(err error) bool { return errors.Is(err, runstore.ErrNotFound) }

// stackFits reports whether k models like p fit in memory at once: a stack
// holds k times a model's weights, activations and batch (the data once),
// so a full-batch run that fits alone may not fit 64 times over.
func stackFits(p *Plan, k int) bool {
	return runMemory(p.Config, p.Data, p.Outputs, 0, k).Check() == nil
}

package training

import (
	"context"
	"fmt"
	"math"
	"time"

	"github.com/hyperlab-go/hyperlab/datasets"
	"github.com/hyperlab-go/hyperlab/history"
	"github.com/hyperlab-go/hyperlab/runstore"
)

// DivergenceFactor decides when a finite loss counts as diverged: a step
// loss above DivergenceFactor × max(the first step's loss, 1). SGD at a far
// too large learning rate often blows the loss up by orders of magnitude
// and then kills every ReLU, leaving a finite but useless model; this
// catches the blow-up. A NaN or Inf loss always counts.
const DivergenceFactor = 1e4

// loop is one run of the epoch loop.
type loop struct {
	m          *model
	cfg        Config
	train, val *datasets.Dataset
	o          *options
	h          *history.History
	w          *runstore.Writer // nil without a store

	b            *batcher
	sched        Schedule
	step         int     // optimizer steps so far
	limit        float64 // a step loss above it counts as diverged
	best         float64 // early stopping: best monitored loss so far
	wait         int     // early stopping: epochs since best
	lastStepCall time.Time
	share        int // models training in the same stack; 0 or 1 alone
}

// epochSums accumulates an epoch's steps.
type epochSums struct {
	start        time.Time
	first        int // index of the epoch's first step in h.StepLoss
	loss, score  float64
	penalty      float64 // sum over steps of the step's penalty × rows
	rows, steps  int
	learningRate float64
}

// run trains until the epochs are done, early stopping fires, the loss
// diverges or ctx is cancelled; it sets h.Status accordingly. An error is
// returned only for a failure (GoMLX, the store).
func (l *loop) run(ctx context.Context) error {
	l.b = newBatcher(l.train, l.cfg.BatchSize, l.cfg.Shuffle, int64(l.cfg.Seed))
	l.sched = NewSchedule(l.cfg, l.b.steps())
	l.limit, l.best = math.Inf(1), math.Inf(1)
	if ctx.Err() != nil { // cancelled before the first step
		l.h.Status = history.Cancelled
		return nil
	}
	for epoch := 1; epoch <= l.cfg.Epochs; epoch++ {
		sums, err := l.trainEpoch(ctx, epoch)
		if err != nil || l.h.Status != history.Running {
			return err
		}
		if stop, err := l.endEpoch(epoch, sums); err != nil || stop {
			return err
		}
	}
	l.h.Status = history.Finished
	return nil
}

// trainEpoch runs the steps of one epoch. It stops early, with h.Status
// set, when the loss diverges or ctx is cancelled.
func (l *loop) trainEpoch(ctx context.Context, epoch int) (epochSums, error) {
	s := epochSums{start: time.Now(), first: len(l.h.StepLoss)}
	l.b.startEpoch(epoch)
	steps := l.b.steps()
	for k := range steps {
		rows := l.b.fill(k)
		s.learningRate = l.sched.At(l.step)
		loss, penalty, score, err := l.m.step(l.b, s.learningRate)
		if err != nil {
			return s, err
		}
		if err := l.afterStep(epoch, k, rows, loss, penalty, score, &s); err != nil || l.h.Status != history.Running {
			return s, err
		}
		if ctx.Err() != nil {
			l.h.Status = history.Cancelled
			return s, l.saveSteps(s.first)
		}
	}
	return s, nil
}

// afterStep records step k (from 0) of epoch, whose learning rate is
// already in s: the step loss, the callbacks, the epoch sums, and the
// divergence check, which sets h.Status and records the partial epoch.
func (l *loop) afterStep(epoch, k, rows int, loss, penalty, score float64, s *epochSums) error {
	l.step++
	l.h.StepLoss = append(l.h.StepLoss, loss)
	if err := l.stepCallback(l.step, loss, k == l.b.steps()-1); err != nil {
		return err
	}
	if l.step == 1 {
		l.limit = DivergenceFactor * max(loss, 1)
	}
	s.loss += loss * float64(rows)
	s.penalty += penalty * float64(rows)
	s.score += score
	s.rows += rows
	s.steps++
	if !history.Finite(loss) || loss > l.limit {
		// Keep the partial epoch: a chart shows where it blew up.
		l.h.Status = history.Diverged
		l.h.Err = fmt.Sprintf("train loss is %.4g at epoch %d, step %d; try a smaller %s than %g", loss, epoch, k+1, ParamLearningRate, l.cfg.LearningRate)
		return l.addEpoch(l.epoch(epoch, *s), s.first)
	}
	return nil
}

// epoch summarises the steps of an epoch; validation metrics are NaN.
func (l *loop) epoch(epoch int, s epochSums) history.Epoch {
	e := history.Epoch{Epoch: epoch, TrainLoss: s.loss / float64(s.rows), LearningRate: s.learningRate, Steps: s.steps,
		ValLoss: math.NaN(), ValAccuracy: math.NaN(), ValError: math.NaN(), TrainAccuracy: math.NaN(),
		Seconds: l.seconds(s.start), TrainPenalty: s.penalty / float64(s.rows), ValPenalty: math.NaN()}
	if l.train.Task == datasets.Classification {
		e.TrainAccuracy = s.score / float64(s.rows)
	}
	return e
}

// endEpoch evaluates the validation split, records the epoch and decides
// whether to stop: a non-finite validation loss diverges, and early
// stopping ends a run whose monitored loss stopped improving.
func (l *loop) endEpoch(epoch int, s epochSums) (stop bool, err error) {
	e := l.epoch(epoch, s)
	if l.hasVal() {
		loss, penalty, score, err := l.m.evaluate(l.val)
		if err != nil {
			return true, err
		}
		l.setVal(&e, loss, penalty, score, s.start)
	}
	return l.judgeEpoch(epoch, e, s.first)
}

func (l *loop) hasVal() bool { return l.val != nil && l.val.Len() > 0 }

// setVal puts the validation metrics in e.
func (l *loop) setVal(e *history.Epoch, loss, penalty, score float64, start time.Time) {
	e.ValLoss, e.ValPenalty = loss, penalty
	if l.train.Task == datasets.Classification {
		e.ValAccuracy = score
	} else {
		e.ValError = score
	}
	e.Seconds = l.seconds(start)
}

// seconds is the time of an epoch that started at start: the wall time,
// or its share when the run trains in a stack (see stack.go).
func (l *loop) seconds(start time.Time) float64 {
	return time.Since(start).Seconds() / float64(max(l.share, 1))
}

// judgeEpoch records the evaluated epoch e and decides whether to stop.
func (l *loop) judgeEpoch(epoch int, e history.Epoch, firstStep int) (stop bool, err error) {
	hasVal := l.hasVal()
	if err := l.addEpoch(e, firstStep); err != nil {
		return true, err
	}
	if hasVal && !history.Finite(e.ValLoss) {
		l.h.Status = history.Diverged
		l.h.Err = fmt.Sprintf("validation loss is %v after epoch %d; try a smaller %s than %g", e.ValLoss, epoch, ParamLearningRate, l.cfg.LearningRate)
		return true, nil
	}
	// A pruner judges every epoch but the last: a trial that trained all its
	// epochs finished, and stopping it there would save nothing.
	for _, prune := range l.o.prune {
		if epoch >= l.cfg.Epochs {
			break
		}
		var stop bool
		l.o.turn(func() { stop = prune(e) })
		if stop {
			l.h.Status = history.Pruned
			return true, nil
		}
	}
	if l.cfg.EarlyStoppingPatience == 0 {
		return false, nil
	}
	monitor := e.ValLoss
	if !hasVal {
		monitor = e.TrainLoss // no validation split: watch the training loss
	}
	if monitor < l.best-l.cfg.EarlyStoppingMinDelta {
		l.best, l.wait = monitor, 0
		return false, nil
	}
	l.wait++
	if l.wait >= l.cfg.EarlyStoppingPatience {
		l.h.Status = history.Finished
		return true, nil
	}
	return false, nil
}

// addEpoch records a finished epoch in the History and the store, then
// tells the callbacks.
func (l *loop) addEpoch(e history.Epoch, firstStep int) error {
	l.h.Epochs = append(l.h.Epochs, e)
	if err := l.saveSteps(firstStep); err != nil {
		return err
	}
	if l.w != nil {
		if err := l.w.Epoch(e); err != nil {
			return err
		}
	}
	for _, fn := range l.o.onEpoch {
		if err := l.o.callback("OnEpoch", func() { fn(e) }); err != nil {
			return err
		}
	}
	return nil
}

// saveSteps appends the step losses from firstStep on to the store.
func (l *loop) saveSteps(firstStep int) error {
	if l.w == nil || firstStep >= len(l.h.StepLoss) {
		return nil
	}
	return l.w.Steps(l.h.StepLoss[firstStep:])
}

// stepCallback calls the OnStep functions, throttled by StepEvery; the last
// step of an epoch and a non-finite loss always get through.
func (l *loop) stepCallback(step int, loss float64, lastOfEpoch bool) error {
	if len(l.o.onStep) == 0 {
		return nil
	}
	now := time.Now()
	if !lastOfEpoch && history.Finite(loss) && now.Sub(l.lastStepCall) < l.o.stepEvery {
		return nil
	}
	l.lastStepCall = now
	for _, fn := range l.o.onStep {
		if err := l.o.callback("OnStep", func() { fn(step, loss) }); err != nil {
			return err
		}
	}
	return nil
}

// callback runs a user callback and returns its panic as an error, so that
// it is not mistaken for a GoMLX failure.
func (o *options) callback(name string, fn func()) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("training: the %s callback panicked: %v", name, r)
		}
	}()
	o.turn(fn)
	return nil
}

package training

import (
	"context"
	"fmt"
	"math"
	"runtime"
	"slices"
	"sync/atomic"
	"testing"
	"time"

	"github.com/hyperlab-go/hyperlab/datasets"
	"github.com/hyperlab-go/hyperlab/history"
	"github.com/hyperlab-go/hyperlab/hparams"
)

// stackTolerance is how far a stacked model's losses may be from the same
// model trained alone, relative to the loss (plus the same absolute amount
// near 0). Both run the same float32 formulas from the same weights and
// random states, but a batched product or a per-model reduction may add
// its terms in another order than the alone graph (simplego happens to
// keep the order for these shapes: the tests log the largest difference,
// 0 for almost every model and about 2e-8 for the rest), and Adam's
// division by √v can magnify a last-bit difference over the steps; 1e-6
// leaves room for that and still fails on any wrong formula, weight, batch
// order or dropout mask.
const stackTolerance = 1e-6

// plansOf makes a Plan of each of vs on data.
func plansOf(t testing.TB, data datasets.Split, vs ...hparams.Values) []*Plan {
	t.Helper()
	out := make([]*Plan, len(vs))
	for i, v := range vs {
		p, err := NewPlan(v, data)
		if err != nil {
			t.Fatal(err)
		}
		out[i] = p
	}
	return out
}

// stackAndAlone trains vs stacked and each alone, and returns both.
func stackAndAlone(t *testing.T, data datasets.Split, vs ...hparams.Values) (stacked, alone []*history.History) {
	t.Helper()
	plans := plansOf(t, data, vs...)
	stacked, errs := RunStack(context.Background(), plans, make([][]Option, len(plans)))
	for i, err := range errs {
		if err != nil {
			t.Fatalf("stacked model %d: %v", i, err)
		}
		h, err := plans[i].Run(context.Background())
		if err != nil {
			t.Fatalf("alone model %d: %v", i, err)
		}
		alone = append(alone, h)
	}
	return stacked, alone
}

// matchesAlone fails t unless got (stacked) matches want (alone) within
// stackTolerance: status, step losses, and every epoch's metrics.
func matchesAlone(t *testing.T, name string, got, want *history.History) {
	t.Helper()
	if got.Status != want.Status || len(got.StepLoss) != len(want.StepLoss) || len(got.Epochs) != len(want.Epochs) {
		t.Fatalf("%s: stacked %s with %d steps and %d epochs, alone %s with %d and %d", name,
			got.Status, len(got.StepLoss), len(got.Epochs), want.Status, len(want.StepLoss), len(want.Epochs))
	}
	if len(want.StepLoss) == 0 || len(want.Epochs) == 0 {
		t.Fatalf("%s: the alone run trained no step; the comparison would be empty", name)
	}
	worst := 0.0
	defer func() { t.Logf("%s: largest difference %.2g relative", name, worst) }()
	close := func(what string, a, b float64) {
		t.Helper()
		if math.IsNaN(a) && math.IsNaN(b) {
			return
		}
		worst = max(worst, math.Abs(a-b)/(1+math.Abs(b)))
		if math.Abs(a-b) > stackTolerance*(1+math.Abs(b)) {
			t.Fatalf("%s: %s is %.8g stacked, %.8g alone", name, what, a, b)
		}
	}
	for i := range got.StepLoss {
		close(fmt.Sprintf("step %d loss", i+1), got.StepLoss[i], want.StepLoss[i])
	}
	for i, e := range got.Epochs {
		w := want.Epochs[i]
		close(fmt.Sprintf("epoch %d train loss", e.Epoch), e.TrainLoss, w.TrainLoss)
		close(fmt.Sprintf("epoch %d val loss", e.Epoch), e.ValLoss, w.ValLoss)
		close(fmt.Sprintf("epoch %d val accuracy", e.Epoch), e.ValAccuracy, w.ValAccuracy)
		close(fmt.Sprintf("epoch %d train penalty", e.Epoch), e.TrainPenalty, w.TrainPenalty)
		close(fmt.Sprintf("epoch %d val penalty", e.Epoch), e.ValPenalty, w.ValPenalty)
		close(fmt.Sprintf("epoch %d learning rate", e.Epoch), e.LearningRate, w.LearningRate)
	}
}

// Every optimizer, stacked over seeds and learning rates (and its own
// coefficients), gives each model the History it has alone.
func TestStackMatchesAloneForEveryOptimizer(t *testing.T) {
	data := moonsSmall(t)
	coefs := map[string][2][]any{
		"sgd":      {},
		"momentum": {{"momentum", 0.9}, {"momentum", 0.5}},
		"adam":     {{"adam_beta1", 0.9}, {"adam_beta1", 0.8}},
		"adamw":    {{"weight_decay", 0.01}, {"weight_decay", 0.1}},
		"rmsprop":  {{"adam_beta2", 0.999}, {"adam_beta2", 0.99}},
		"lion":     {{"lion_beta1", 0.9, "weight_decay", 0.0}, {"lion_beta1", 0.8, "weight_decay", 0.05}},
	}
	for _, name := range optimizerRegistry.names() {
		t.Run(name, func(t *testing.T) {
			lr := 0.01
			if name == "sgd" || name == "momentum" {
				lr = 0.1
			}
			if name == "lion" {
				lr = 0.003
			}
			var vs []hparams.Values
			for i := range 3 {
				kv := []any{"optimizer", name, "epochs", 3, "batch_size", 32, "seed", 1 + i, "learning_rate", lr * float64(1+i)}
				if c := coefs[name][i%2]; c != nil {
					kv = append(kv, c...)
				}
				vs = append(vs, values(t, kv...))
			}
			stacked, alone := stackAndAlone(t, data, vs...)
			for i := range vs {
				matchesAlone(t, fmt.Sprintf("%s model %d", name, i), stacked[i], alone[i])
			}
		})
	}
}

// Dropout, L1, L2 and a learning-rate schedule differ per model and still
// match: each model draws its dropout masks from its own random state.
func TestStackMatchesAloneWithRegularization(t *testing.T) {
	data := moonsSmall(t)
	stacked, alone := stackAndAlone(t, data,
		values(t, "epochs", 3, "dropout_rate", 0.2, "seed", 3),
		values(t, "epochs", 3, "l2_regularization", 0.01, "seed", 4, "lr_schedule", "cosine"),
		values(t, "epochs", 3, "l1_regularization", 0.001, "dropout_rate", 0.1, "seed", 5),
	)
	for i := range stacked {
		matchesAlone(t, fmt.Sprintf("model %d", i), stacked[i], alone[i])
	}
}

// RunPlans trains a group as one stack per core at the same time. The
// models learn the same whatever the parts (a model's rows of a stacked op
// do not depend on the other rows), and a callback the runs share is
// called by one part at a time, as it would be one run after the other.
func TestRunPlansPartsPerCore(t *testing.T) {
	data := moons(t)
	var vs []hparams.Values
	for i := range 5 {
		vs = append(vs, values(t, "epochs", 3, "seed", i+1))
	}
	plans := plansOf(t, data, vs...)
	train := func(procs int) []*history.History {
		defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(procs))
		var inside atomic.Int32
		var epochs []history.Epoch // appended to by every run: -race sees overlapping calls
		var reused bool
		shared := []Option{Reused(&reused), OnEpoch(func(e history.Epoch) {
			if inside.Add(1) != 1 {
				t.Error("two runs called the shared OnEpoch at once")
			}
			epochs = append(epochs, e)
			time.Sleep(time.Millisecond)
			inside.Add(-1)
		})}
		opts := make([][]Option, len(plans))
		for i := range opts {
			opts[i] = shared
		}
		hs, errs := RunPlans(context.Background(), plans, opts)
		for i, err := range errs {
			if err != nil {
				t.Fatalf("GOMAXPROCS %d, model %d: %v", procs, i, err)
			}
		}
		if want := 3 * len(plans); len(epochs) != want {
			t.Errorf("GOMAXPROCS %d: OnEpoch saw %d epochs, want %d", procs, len(epochs), want)
		}
		return hs
	}
	one, two := train(1), train(2) // one stack of 5; stacks of 3 and 2 at once
	for i := range one {
		if !slices.Equal(one[i].StepLoss, two[i].StepLoss) {
			t.Errorf("model %d learned otherwise in a stack of another size", i)
		}
	}
}

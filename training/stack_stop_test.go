package training

import (
	"context"
	"fmt"
	"testing"

	"github.com/hyperlab-go/hyperlab/history"
	"github.com/hyperlab-go/hyperlab/hparams"
)

// One model of a stack diverging is dropped; the others finish as they
// would alone.
func TestStackDivergingModelLeavesOthersTraining(t *testing.T) {
	data := moonsSmall(t)
	stacked, alone := stackAndAlone(t, data,
		values(t, "optimizer", "sgd", "learning_rate", 0.1, "epochs", 4, "seed", 1),
		values(t, "optimizer", "sgd", "learning_rate", 100, "epochs", 4, "seed", 2),
		values(t, "optimizer", "sgd", "learning_rate", 0.2, "epochs", 4, "seed", 3),
	)
	if stacked[1].Status != history.Diverged {
		t.Fatalf("learning_rate=100 ended %s after %d steps, want diverged", stacked[1].Status, len(stacked[1].StepLoss))
	}
	for i := range stacked {
		matchesAlone(t, fmt.Sprintf("model %d", i), stacked[i], alone[i])
	}
	if stacked[0].Status != history.Finished || len(stacked[0].Epochs) != 4 {
		t.Errorf("the model beside the diverged one ended %s after %d epochs", stacked[0].Status, len(stacked[0].Epochs))
	}
}

// Early stopping is per model: one stops after a few epochs, the others go
// on, each as it would alone.
func TestStackEarlyStoppingIsPerModel(t *testing.T) {
	data := moonsSmall(t)
	stacked, alone := stackAndAlone(t, data,
		values(t, "epochs", 6, "seed", 1),
		values(t, "epochs", 6, "seed", 2, "early_stopping_patience", 1, "early_stopping_min_delta", 10.0),
		values(t, "epochs", 6, "seed", 3, "early_stopping_patience", 2, "early_stopping_min_delta", 10.0),
	)
	for i, want := range []int{6, 2, 3} {
		if len(stacked[i].Epochs) != want || stacked[i].Status != history.Finished {
			t.Errorf("model %d: %s after %d epochs, want finished after %d", i, stacked[i].Status, len(stacked[i].Epochs), want)
		}
		matchesAlone(t, fmt.Sprintf("model %d", i), stacked[i], alone[i])
	}
}

// Cancelling a stack mid-epoch stores every model's partial run as
// cancelled; a second call trains them again and finishes.
func TestStackCancelStoresEveryModelCancelled(t *testing.T) {
	store := openStore(t)
	data := moonsSmall(t)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var vs []hparams.Values
	for i := range 3 {
		vs = append(vs, values(t, "epochs", 3, "seed", 10+i))
	}
	plans := plansOf(t, data, vs...)
	opts := make([][]Option, len(plans))
	for i := range opts {
		opts[i] = []Option{Store(store)}
	}
	opts[0] = append(opts[0], StepEvery(0), OnStep(func(step int, _ float64) {
		if step == 7 {
			cancel()
		}
	}))
	hs, errs := RunStack(ctx, plans, opts)
	for i, h := range hs {
		if errs[i] != nil {
			t.Fatalf("model %d: %v", i, errs[i])
		}
		run, err := store.Load(RunID(vs[i], data))
		if err != nil {
			t.Fatalf("model %d: %v", i, err)
		}
		if h.Status != history.Cancelled || run.History.Status != history.Cancelled || !run.Complete || len(run.History.StepLoss) != 7 {
			t.Errorf("model %d: returned %s, stored %s (complete %t) with %d step losses; want cancelled after 7 steps",
				i, h.Status, run.History.Status, run.Complete, len(run.History.StepLoss))
		}
	}
	hs, errs = RunStack(context.Background(), plans, [][]Option{{Store(store)}, {Store(store)}, {Store(store)}})
	for i, h := range hs {
		if errs[i] != nil || h.Status != history.Finished || len(h.Epochs) != 3 {
			t.Errorf("model %d trained again: %v, %s after %d epochs", i, errs[i], h.Status, len(h.Epochs))
		}
	}
}

// A finished stacked run is read back from the store by a later single
// run with the same Values.
func TestStackedRunIsReusedAlone(t *testing.T) {
	store := openStore(t)
	data := moonsSmall(t)
	vs := []hparams.Values{values(t, "epochs", 2, "seed", 1), values(t, "epochs", 2, "seed", 2)}
	hs, errs := RunStack(context.Background(), plansOf(t, data, vs...), [][]Option{{Store(store)}, {Store(store)}})
	if errs[0] != nil || errs[1] != nil {
		t.Fatal(errs)
	}
	var reused bool
	h, err := Run(context.Background(), vs[1], data, Store(store), Reused(&reused))
	if err != nil {
		t.Fatal(err)
	}
	if !reused || h.Epochs[1].ValLoss != hs[1].Epochs[1].ValLoss {
		t.Errorf("reused %t; val loss %v alone, %v stacked", reused, h.Epochs[1].ValLoss, hs[1].Epochs[1].ValLoss)
	}
}

// Plans of different architectures (or data, or optimizers) are split into
// groups, never stacked; RunStack refuses them.
func TestStackGroupsSplitDifferentArchitectures(t *testing.T) {
	data := moonsSmall(t)
	plans := plansOf(t, data,
		values(t, "seed", 1),
		values(t, "seed", 2, "fnn_num_hidden_nodes", 8),
		values(t, "seed", 3, "learning_rate", 0.05),
		values(t, "seed", 4, "optimizer", "sgd"),
		values(t, "seed", 5, "fnn_num_hidden_nodes", 8, "dropout_rate", 0.1),
	)
	got := fmt.Sprint(StackGroups(plans))
	if want := "[[0 2] [1 4] [3]]"; got != want {
		t.Errorf("groups %s, want %s", got, want)
	}
	_, errs := RunStack(context.Background(), plans[:2], make([][]Option, 2))
	if errs[1] == nil {
		t.Error("RunStack trained two architectures in one stack")
	}
	// RunPlans trains each group, and the odd one alone.
	hs, errs := RunPlans(context.Background(), plans, make([][]Option, len(plans)))
	for i, h := range hs {
		if errs[i] != nil || h.Status != history.Finished {
			t.Errorf("plan %d: %v, %v", i, errs[i], h)
		}
	}
}

// More plans than MaxStack make several stacks.
func TestStackGroupsBoundedByMaxStack(t *testing.T) {
	data := moonsSmall(t)
	var vs []hparams.Values
	for i := range MaxStack + 3 {
		vs = append(vs, values(t, "seed", i))
	}
	groups := StackGroups(plansOf(t, data, vs...))
	if len(groups) != 2 || len(groups[0]) != MaxStack || len(groups[1]) != 3 {
		t.Errorf("%d plans made groups of sizes %d", len(vs), len(groups))
	}
}

// A stack holds K models' weights and activations: on a machine with little
// memory, a group is cut where the next model would not fit, though each
// model fits alone.
func TestStackGroupsBoundedByMemory(t *testing.T) {
	data := moonsSmall(t)
	var vs []hparams.Values
	for i := range 8 {
		vs = append(vs, values(t, "seed", i+1))
	}
	plans := plansOf(t, data, vs...)
	one, three := runMemory(plans[0].Config, plans[0].Data, plans[0].Outputs, 0, 1), runMemory(plans[0].Config, plans[0].Data, plans[0].Outputs, 0, 3)
	// Three models fit in three quarters of this machine, four do not.
	avail := (three.Total() + (three.Total()-one.Total())/4) * 4 / 3
	defer func(f func() (int64, bool)) { availableMemory = f }(availableMemory)
	availableMemory = func() (int64, bool) { return avail, true }
	if got, want := fmt.Sprint(StackGroups(plans)), "[[0 1 2] [3 4 5] [6 7]]"; got != want {
		t.Errorf("groups %s, want %s (stacks of three fit, of four do not)", got, want)
	}
}

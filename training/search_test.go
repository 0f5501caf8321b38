package training

import (
	"context"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/hyperlab-go/hyperlab/history"
	"github.com/hyperlab-go/hyperlab/hparams"
)

func searchBase(t *testing.T, epochs int) hparams.Values {
	t.Helper()
	base, err := Spec.Defaults().With(ParamEpochs, epochs)
	if err != nil {
		t.Fatal(err)
	}
	return base
}

func searchSpace() []Dim {
	return []Dim{{Name: ParamLearningRate, Low: 1e-4, High: 1}, {Name: ParamDropoutRate, Low: 0, High: 0.5},
		{Name: ParamOptimizer, Choices: []string{"adam", "sgd"}}, {Name: ParamHiddenNodes, Low: 2, High: 64}}
}

func TestSearchTPEStaysInTheSpaceAndBeatsItsStart(t *testing.T) {
	var calls atomic.Int32
	sr := &Search{Base: searchBase(t, 3), Space: searchSpace(), Trials: 60, Seed: 3}
	res, err := (&Sweep{Search: sr, Workers: 1, Train: fakeTrainer(&calls)}).Run(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Rows) != 60 || calls.Load() != 60 {
		t.Fatalf("%d rows, %d trained; want 60", len(res.Rows), calls.Load())
	}
	for _, r := range res.Rows {
		lr, n := r.Values[ParamLearningRate].(float64), r.Values[ParamHiddenNodes].(int)
		opt := r.Values[ParamOptimizer].(string)
		if lr < 1e-4 || lr > 1 || n < 2 || n > 64 || (opt != "adam" && opt != "sgd") {
			t.Errorf("trial %d is outside the space: %v", r.Trial, r.Values)
		}
	}
	// TPE models the results after 10 random trials: its last 20 trials
	// should be better, in the median, than the 10 random ones.
	med := func(rows []Row) float64 {
		var xs []float64
		for _, r := range rows {
			xs = append(xs, r.BestLoss)
		}
		return medianOf(xs)
	}
	if first, last := med(res.Rows[:10]), med(res.Rows[40:]); !(last < first) {
		t.Errorf("median best loss of the last 20 TPE trials %.3g is not below the first 10 random ones %.3g", last, first)
	}
	// The same seed with one worker draws the same 10 random start-up
	// trials (TPE's own draws use goptuna's global math/rand).
	again, err := (&Sweep{Search: sr, Workers: 1, Train: fakeTrainer(&calls)}).Run(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for i := range 10 {
		if hparams.Format(res.Rows[i].Values[ParamLearningRate]) != hparams.Format(again.Rows[i].Values[ParamLearningRate]) {
			t.Fatalf("trial %d differs between two runs with seed 3", i)
		}
	}
}

func medianOf(xs []float64) float64 {
	s := append([]float64(nil), xs...)
	for i := range s {
		for j := i + 1; j < len(s); j++ {
			if s[j] < s[i] {
				s[i], s[j] = s[j], s[i]
			}
		}
	}
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}

func TestSearchMedianPrunerStopsBadTrials(t *testing.T) {
	var calls atomic.Int32
	sr := &Search{Base: searchBase(t, 10), Space: searchSpace(), Trials: 30, Pruner: PrunerMedian, Sampler: SamplerRandom, Seed: 1}
	res, err := (&Sweep{Search: sr, Workers: 2, Train: fakeTrainer(&calls)}).Run(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	pruned, epochs := 0, 0
	for _, r := range res.Rows {
		epochs += r.Epochs
		if r.Status == Pruned {
			pruned++
			if r.Epochs >= 10 || r.History.Status != history.Pruned {
				t.Errorf("pruned trial %d ran %d epochs with history status %s", r.Trial, r.Epochs, r.History.Status)
			}
		}
	}
	if pruned == 0 || epochs >= 300 {
		t.Errorf("%d trials pruned, %d epochs trained; want some pruned and fewer than 300 epochs", pruned, epochs)
	}
	if best, ok := res.Best(); !ok || best.Status != history.Finished {
		t.Errorf("best trial %+v is not a finished one", best)
	}
}

// TestSearchResumeReplaysStoredTrials stores a search of 12 trials, then
// asks for 20: the 12 are read back (pruned ones still pruned, with their
// epochs) and only 8 are trained.
func TestSearchResumeReplaysStoredTrials(t *testing.T) {
	store := openStore(t)
	var calls atomic.Int32
	train := storingTrainer(store, fakeTrainer(&calls))
	sr := &Search{Base: searchBase(t, 8), Space: searchSpace(), Trials: 12, Pruner: PrunerMedian, Seed: 2}
	first, err := (&Sweep{Search: sr, Store: store, Workers: 2, Train: train}).Run(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	pruned := map[string]int{}
	for _, r := range first.Rows {
		if r.Status == Pruned {
			pruned[r.ID] = r.Epochs
		}
	}
	if len(pruned) == 0 {
		t.Fatal("no trial was pruned in the first part; the test needs one")
	}
	more := *sr
	more.Trials = 20
	var reused atomic.Int32
	second, err := (&Sweep{Search: &more, Store: store, Workers: 2, Train: train, OnTrial: func(ev TrialEvent) {
		if ev.Done && ev.Reused {
			reused.Add(1)
		}
	}}).Run(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if len(second.Rows) != 20 || calls.Load() != 20 || reused.Load() != 12 {
		t.Fatalf("resume: %d rows, %d trained in all, %d reused; want 20, 20, 12", len(second.Rows), calls.Load(), reused.Load())
	}
	for _, r := range second.Rows {
		if ep, ok := pruned[r.ID]; ok && (r.Status != Pruned || r.Epochs != ep) {
			t.Errorf("trial %s was pruned after %d epochs; after the resume it is %s after %d", r.ID, ep, r.Status, r.Epochs)
		}
	}
	// A run of another base (more epochs) is not part of the search.
	other := more
	other.Base = searchBase(t, 9)
	other.Trials = 1
	res, err := (&Sweep{Search: &other, Store: store, Workers: 1, Train: train}).Run(context.Background())
	if err != nil || len(res.Rows) != 1 || calls.Load() != 21 {
		t.Errorf("a search of another base replayed the stored runs: %d rows, %d trained, %v", len(res.Rows), calls.Load(), err)
	}
}

func TestSearchShardsSplitTheTrials(t *testing.T) {
	store := openStore(t)
	var calls atomic.Int32
	train := storingTrainer(store, fakeTrainer(&calls))
	sr := &Search{Base: searchBase(t, 2), Space: searchSpace(), Trials: 9, Seed: 5}
	total := 0
	for i := range 3 {
		res, err := (&Sweep{Search: sr, Store: store, Shard: Shard{Index: i, Count: 3}, Workers: 1, Train: train}).Run(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		total = len(res.Rows)
	}
	// Shards one after the other: the later ones count the earlier ones' runs.
	if calls.Load() != 9 || total != 9 {
		t.Errorf("three shards trained %d trials and the last one saw %d; want 9 and 9", calls.Load(), total)
	}
}

func TestSearchRefusesBadSpaces(t *testing.T) {
	base := searchBase(t, 2)
	cases := map[string][]Dim{
		`"learnin_rate": no such hyperparameter (did you mean "learning_rate"?)`: {{Name: "learnin_rate"}},
		"a list is not a search dimension":                                       {{Name: ParamHiddenSizes}},
		"learning_rate=1000 is above its maximum 100":                            {{Name: ParamLearningRate, Low: 1e-3, High: 1000}},
		"optimizer=adamm is not one of its choices":                              {{Name: ParamOptimizer, Choices: []string{"adamm"}}},
		"log-scaled, so its range must start above 0":                            {{Name: ParamLearningRate, Low: -1, High: 1}},
		"fnn_num_hidden_nodes is an integer":                                     {{Name: ParamHiddenNodes, Low: 2.5, High: 8}},
		"learning_rate is given twice":                                           {{Name: ParamLearningRate}, {Name: ParamLearningRate}},
		"the search has no space":                                                nil,
	}
	for want, space := range cases {
		_, err := (&Sweep{Search: &Search{Base: base, Space: space, Trials: 2}}).Run(context.Background())
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("space %v: error %v, want it to say %q", space, err, want)
		}
	}
	_, err := (&Sweep{Search: &Search{Base: base, Space: searchSpace(), Trials: 2, Sampler: "tpee"}}).Run(context.Background())
	if err == nil || !strings.Contains(err.Error(), `did you mean "tpe"`) {
		t.Errorf("sampler tpee: %v", err)
	}
}

func TestParseDim(t *testing.T) {
	for in, want := range map[string]Dim{
		"learning_rate=1e-4:1": {Name: ParamLearningRate, Low: 1e-4, High: 1},
		"optimizer=adam,sgd":   {Name: ParamOptimizer, Choices: []string{"adam", "sgd"}},
		" dropout_rate ":       {Name: ParamDropoutRate},
	} {
		got, err := ParseDim(in)
		if err != nil || got.Name != want.Name || got.Low != want.Low || got.High != want.High || strings.Join(got.Choices, ",") != strings.Join(want.Choices, ",") {
			t.Errorf("ParseDim(%q) = %+v, %v; want %+v", in, got, err, want)
		}
	}
	if _, err := ParseDim("learning_rate=a:b"); err == nil {
		t.Error("ParseDim accepted a:b")
	}
}

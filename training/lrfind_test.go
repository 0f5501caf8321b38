package training

import (
	"context"
	"math"
	"strings"
	"testing"

	"github.com/hyperlab-go/hyperlab/datasets"
)

func TestLRAtGrowsExponentially(t *testing.T) {
	o := LRFindOptions{StartLR: 1e-4, EndLR: 1, Steps: 5}
	want := []float64{1e-4, 1e-3, 1e-2, 1e-1, 1}
	for i, w := range want {
		if got := o.LRAt(i); math.Abs(got-w)/w > 1e-12 {
			t.Errorf("LRAt(%d) = %g, want %g", i, got, w)
		}
	}
}

// syntheticTest feeds the recorder a loss curve shaped like a real range
// test: flat at small rates, falling fastest around 1e-2, lowest near 1e-1,
// then exploding.
func syntheticTest(o LRFindOptions) *LRFind {
	o = o.withDefaults()
	rec := newLRRecorder(o)
	for i := range o.Steps {
		lr := o.LRAt(i)
		x := math.Log10(lr)
		loss := 1 - 0.8/(1+math.Exp(-3*(x+2))) // falls around 1e-2
		if x > -1 {
			loss += math.Pow(10, 2*(x+1)) - 1 // explodes past 1e-1
		}
		if !rec.add(i, lr, loss) {
			break
		}
	}
	return rec.result()
}

func TestLRFindSuggestsBeforeTheMinimum(t *testing.T) {
	res := syntheticTest(LRFindOptions{})
	if !strings.Contains(res.Stopped, "exceeded 4×") {
		t.Errorf("Stopped = %q, want the explosion rule", res.Stopped)
	}
	last := res.Points[len(res.Points)-1]
	if last.LearningRate > 5 {
		t.Errorf("ran to lr %g; want a stop soon after the loss exploded", last.LearningRate)
	}
	if !(res.Steepest > 1e-3 && res.Steepest < 1e-1) {
		t.Errorf("Steepest = %g, want within 1e-3..1e-1 (the fall is centred on 1e-2)", res.Steepest)
	}
	if !(res.Valley > 1e-4 && res.Valley < 2e-1) || res.Suggested != res.Valley || !strings.HasPrefix(res.Rule, "valley") {
		t.Errorf("Valley = %g, Suggested = %g, Rule = %q", res.Valley, res.Suggested, res.Rule)
	}
	if !(res.Minimum < 0.1) {
		t.Errorf("Minimum = %g, want the lowest loss's rate / 10", res.Minimum)
	}
	for i := 1; i < len(res.Points); i++ {
		if res.Points[i].LearningRate <= res.Points[i-1].LearningRate {
			t.Fatalf("rates do not grow at point %d", i)
		}
	}
}

func TestLRFindStopsOnNaN(t *testing.T) {
	rec := newLRRecorder(LRFindOptions{}.withDefaults())
	rec.add(0, 1e-7, 1)
	if rec.add(1, 2e-7, math.NaN()) {
		t.Fatal("the test went on after a NaN loss")
	}
	res := rec.result()
	if len(res.Points) != 1 || !strings.Contains(res.Stopped, "NaN") || !math.IsNaN(res.Suggested) || res.Rule == "" {
		t.Errorf("after a NaN: %d points, stopped %q, suggested %g, rule %q", len(res.Points), res.Stopped, res.Suggested, res.Rule)
	}
}

func TestLRFindOptionsValidate(t *testing.T) {
	bad := []LRFindOptions{{StartLR: -1}, {StartLR: 1, EndLR: 0.1}, {StartLR: 1, EndLR: math.Inf(1)}, {Steps: 1}, {Beta: 1}, {Explode: 0.5}}
	for _, o := range bad {
		if err := o.withDefaults().validate(); err == nil {
			t.Errorf("%+v validated", o)
		}
	}
}

func TestFindLROnMoons(t *testing.T) {
	if testing.Short() {
		t.Skip("trains a model")
	}
	data := load(t, "moons", datasets.Options{Size: 400, Noise: 0.2, Seed: 1})
	v, err := Spec.Defaults().With("optimizer", "sgd")
	if err != nil {
		t.Fatal(err)
	}
	res, err := FindLR(context.Background(), v, data, LRFindOptions{StartLR: 1e-5, EndLR: 1e3, Steps: 120})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Points) == 120 {
		t.Errorf("sgd up to lr=1000 never exploded; stopped: %s", res.Stopped)
	}
	if !(res.Suggested > 1e-4 && res.Suggested < 10) {
		t.Errorf("suggested %g (%s); want a usable sgd rate within 1e-4..10", res.Suggested, res.Rule)
	}
	if _, err := FindLR(context.Background(), v, data, LRFindOptions{StartLR: 1, EndLR: 0.5}); err == nil {
		t.Error("a shrinking range was accepted")
	}
}

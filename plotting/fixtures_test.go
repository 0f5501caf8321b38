package plotting

import (
	"encoding/json"
	"math"
	"testing"

	"github.com/hyperlab-go/hyperlab/history"
	"github.com/hyperlab-go/hyperlab/internal/testutil"
)

// optionGolden pins c's option JSON.
func optionGolden(t *testing.T, name string, c *Chart) {
	t.Helper()
	b, err := c.OptionJSON()
	if err != nil {
		t.Fatal(err)
	}
	testutil.Golden(t, name+".json", b)
}

// fragment returns the notebook fragment of f (a *Chart or a *Linked);
// an error ends t.
func fragment(t *testing.T, f interface{ Fragment() (string, error) }) string {
	t.Helper()
	s, err := f.Fragment()
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// onlyOption returns the one component of c's option JSON under key (as
// "yAxis" or "visualMap"); anything but exactly one fails t.
func onlyOption(t *testing.T, c *Chart, key string) map[string]any {
	t.Helper()
	js, err := c.OptionJSON()
	if err != nil {
		t.Fatal(err)
	}
	var opt map[string]json.RawMessage
	var parts []map[string]any
	err = json.Unmarshal(js, &opt)
	if err == nil {
		err = json.Unmarshal(opt[key], &parts)
	}
	if err != nil || len(parts) != 1 {
		t.Fatalf("%s of %s: %v", key, js, err)
	}
	return parts[0]
}

var nan = math.NaN()

// sampleHistory is a finished run that overfits: validation loss is best at
// epoch 3.
func sampleHistory() *history.History {
	return &history.History{Status: history.Finished, Epochs: []history.Epoch{
		{Epoch: 1, TrainLoss: 0.9, ValLoss: 0.95, ValAccuracy: 0.6, TrainAccuracy: 0.62, ValError: nan, LearningRate: 0.1, Steps: 10, Seconds: 0.5},
		{Epoch: 2, TrainLoss: 0.5, ValLoss: 0.6, ValAccuracy: 0.75, TrainAccuracy: 0.8, ValError: nan, LearningRate: 0.1, Steps: 10, Seconds: 0.5},
		{Epoch: 3, TrainLoss: 0.3, ValLoss: 0.45, ValAccuracy: 0.85, TrainAccuracy: 0.9, ValError: nan, LearningRate: 0.05, Steps: 10, Seconds: 0.5},
		{Epoch: 4, TrainLoss: 0.2, ValLoss: 0.5, ValAccuracy: 0.84, TrainAccuracy: 0.95, ValError: nan, LearningRate: 0.05, Steps: 10, Seconds: 0.5},
	}, StepLoss: []float64{1.2, 1.0, 1.1, 0.9, 0.8, 0.85, 0.7, 0.6, 0.65, 0.5, 0.45, 0.4}}
}

// divergedHistory is a run whose loss blew up in epoch 3.
func divergedHistory() *history.History {
	return &history.History{Status: history.Diverged, Err: "train loss is NaN at epoch 3, step 2",
		Epochs: []history.Epoch{
			{Epoch: 1, TrainLoss: 2, ValLoss: 3, ValAccuracy: 0.3, TrainAccuracy: 0.3, ValError: nan, LearningRate: 5, Seconds: 0.1},
			{Epoch: 2, TrainLoss: 40, ValLoss: 80, ValAccuracy: 0.2, TrainAccuracy: 0.2, ValError: nan, LearningRate: 5, Seconds: 0.1},
			{Epoch: 3, TrainLoss: math.Inf(1), ValLoss: nan, ValAccuracy: nan, TrainAccuracy: nan, ValError: nan, LearningRate: 5, Seconds: 0.1},
		}, StepLoss: []float64{1, 3, 10, 50, math.NaN()}}
}

// sampleRuns are four runs of a learning-rate comparison, one diverged.
func sampleRuns() []Run {
	mk := func(lr float64, scale float64) *history.History {
		h := &history.History{Status: history.Finished}
		for e := 1; e <= 5; e++ {
			l := scale / float64(e)
			h.Epochs = append(h.Epochs, history.Epoch{Epoch: e, TrainLoss: l, ValLoss: l * 1.1,
				ValAccuracy: nan, TrainAccuracy: nan, ValError: nan, LearningRate: lr, Seconds: 0.1})
		}
		return h
	}
	return []Run{
		{Values: map[string]any{"learning_rate": 0.001, "batch_size": 32, "optimizer": "adam"}, History: mk(0.001, 2)},
		{Values: map[string]any{"learning_rate": 0.01, "batch_size": 32, "optimizer": "adam"}, History: mk(0.01, 1)},
		{Values: map[string]any{"learning_rate": 0.1, "batch_size": 32, "optimizer": "adam"}, History: mk(0.1, 0.8)},
		{Values: map[string]any{"learning_rate": 5.0, "batch_size": 32, "optimizer": "adam"}, History: divergedHistory()},
	}
}

// sampleTrials are a 3×2 grid of learning rate and optimizer.
func sampleTrials() []Trial {
	var out []Trial
	for i, lr := range []float64{0.001, 0.01, 0.1} {
		for j, opt := range []string{"adam", "sgd"} {
			out = append(out, Trial{Label: "t", Values: map[string]any{"learning_rate": lr, "optimizer": opt, "layers": 2},
				Value: 1 / float64(1+i+2*j)})
		}
	}
	return out
}

// at follows path (object keys and array indexes) into plain JSON data v,
// or returns nil where it leads nowhere.
func at(v any, path ...any) any {
	for _, p := range path {
		switch k := p.(type) {
		case string:
			m, _ := v.(map[string]any)
			v = m[k]
		case int:
			l, _ := v.([]any)
			if k >= len(l) {
				return nil
			}
			v = l[k]
		}
	}
	return v
}

package training

import (
	"context"
	"fmt"
	"math"
	"reflect"
	"testing"

	. "github.com/gomlx/gomlx/pkg/core/graph" //nolint:revive
	"github.com/gomlx/gomlx/pkg/core/tensors"
	mlctx "github.com/gomlx/gomlx/pkg/ml/context"
	"github.com/hyperlab-go/hyperlab/datasets"
	"github.com/hyperlab-go/hyperlab/history"
)

// testModel builds and initialises a model for c on 2 features, 2 classes.
func testModel(t *testing.T, c Config) *model {
	t.Helper()
	b, err := defaultBackend(c.BatchSize, c.widths(2, 2)...)
	if err != nil {
		t.Fatal(err)
	}
	m, err := newModel(b, c, datasets.Classification, "cross_entropy", 2, 2, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := guard("init", m.init); err != nil {
		t.Fatal(err)
	}
	return m
}

// The layers and their sizes in the built graph are the hyperparameters':
// fnn_num_hidden_layers × fnn_num_hidden_nodes, or hidden_layers.
func TestModelLayers(t *testing.T) {
	tests := []struct {
		name string
		edit func(*Config)
		want []history.LayerParams
	}{
		{"two of 16", func(*Config) {}, []history.LayerParams{
			{Name: "hidden_1", Inputs: 2, Outputs: 16, Weights: 32, Biases: 16},
			{Name: "hidden_2", Inputs: 16, Outputs: 16, Weights: 256, Biases: 16},
			{Name: "output", Inputs: 16, Outputs: 2, Weights: 32, Biases: 2}}},
		{"linear", func(c *Config) { c.HiddenLayers = 0 }, []history.LayerParams{
			{Name: "output", Inputs: 2, Outputs: 2, Weights: 4, Biases: 2}}},
		{"explicit sizes win", func(c *Config) { c.HiddenSizes = []int{5, 3, 4} }, []history.LayerParams{
			{Name: "hidden_1", Inputs: 2, Outputs: 5, Weights: 10, Biases: 5},
			{Name: "hidden_2", Inputs: 5, Outputs: 3, Weights: 15, Biases: 3},
			{Name: "hidden_3", Inputs: 3, Outputs: 4, Weights: 12, Biases: 4},
			{Name: "output", Inputs: 4, Outputs: 2, Weights: 8, Biases: 2}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := DefaultConfig()
			tt.edit(&c)
			if got := c.Layers(2, 2); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Layers = %+v\nwant %+v", got, tt.want)
			}
			// The graph's trainable variables hold exactly these shapes.
			m := testModel(t, c)
			snap, err := m.snapshot()
			if err != nil {
				t.Fatal(err)
			}
			trainable := 0
			for v := range m.ctx.IterVariables() {
				if v.Trainable {
					trainable += v.Shape().Size()
				}
			}
			total := 0
			for i, l := range tt.want {
				if len(snap[i].W) != l.Weights || len(snap[i].B) != l.Biases {
					t.Errorf("layer %s has %d weights and %d biases, want %d and %d", l.Name, len(snap[i].W), len(snap[i].B), l.Weights, l.Biases)
				}
				total += l.Total()
			}
			if trainable != total {
				t.Errorf("the graph has %d trainable parameters, Layers counts %d", trainable, total)
			}
		})
	}
}

// Dropout zeroes units at random while training and never in evaluation.
func TestDropoutOnlyInTraining(t *testing.T) {
	c := DefaultConfig()
	c.DropoutRate = 0.5
	m := testModel(t, c)
	b, _ := defaultBackend(c.BatchSize, c.widths(2, 2)...)
	training, err := mlctx.NewExec(b, m.ctx.Checked(false), func(ctx *mlctx.Context, x *Node) *Node {
		ctx.SetTraining(x.Graph(), true)
		return modelGraph(ctx, c, x, 2)
	})
	if err != nil {
		t.Fatal(err)
	}
	x := make([]float32, 64*2)
	for i := range x {
		x[i] = float32(i%7) / 3
	}
	run := func(e *mlctx.Exec) []float32 {
		out, err := e.Exec(tensors.FromFlatDataAndDimensions(x, 64, 2))
		if err != nil {
			t.Fatal(err)
		}
		return tensors.MustCopyFlatData[float32](out[0])
	}
	train1, train2 := run(training), run(training)
	eval1, eval2 := run(m.predict), run(m.predict)
	if reflect.DeepEqual(train1, train2) {
		t.Error("two training passes gave the same outputs: dropout is not sampling masks")
	}
	if !reflect.DeepEqual(eval1, eval2) {
		t.Error("two evaluation passes differ: dropout is active in evaluation")
	}
	if reflect.DeepEqual(train1, eval1) {
		t.Error("training and evaluation outputs are equal: dropout is not active in training")
	}
	// Without dropout, training and evaluation agree.
	m0 := testModel(t, DefaultConfig())
	if a, b := run(m0.predict), run(m0.predict); !reflect.DeepEqual(a, b) {
		t.Error("evaluation without dropout is not deterministic")
	}
}

// l2_regularization adds l2 × Σw² (weights, not biases) to what the
// optimizer minimizes: the first step's penalty is exactly that over the
// initial weights, and its data loss is the unregularized one.
func TestL2TermInLoss(t *testing.T) {
	data := moons(t)
	first := func(kv ...any) (float64, Weights) {
		var w Weights
		// One step per epoch, so the epoch's mean penalty is the first step's.
		h, err := Run(context.Background(), values(t, append([]any{"epochs", 1, "batch_size", 800}, kv...)...), data, WeightSnapshots(&w))
		if err != nil {
			t.Fatal(err)
		}
		return h.StepLoss[0] + h.Epochs[0].TrainPenalty, w
	}
	plain, w := first()
	for _, l2 := range []float64{0.01, 0.1} {
		got, _ := first("l2_regularization", l2)
		var sq float64
		for _, l := range w.Before {
			for _, x := range l.W {
				sq += float64(x) * float64(x)
			}
		}
		want := plain + l2*sq
		if math.Abs(got-want) > 1e-5*math.Max(1, want) {
			t.Errorf("l2_regularization=%g: first loss %g, want %g + %g·%g = %g", l2, got, plain, l2, sq, want)
		}
	}
	// L1 likewise adds l1 × Σ|w|.
	got, _ := first("l1_regularization", 0.01)
	var abs float64
	for _, l := range w.Before {
		for _, x := range l.W {
			abs += math.Abs(float64(x))
		}
	}
	if want := plain + 0.01*abs; math.Abs(got-want) > 1e-5*math.Max(1, want) {
		t.Errorf("l1_regularization=0.01: first loss %g, want %g", got, want)
	}
}

// Each activation builds a different function of the same weights.
func TestActivationsDiffer(t *testing.T) {
	seen := map[string]string{}
	for _, act := range activationRegistry.names() {
		c := DefaultConfig()
		c.Activation = act
		m := testModel(t, c)
		out, err := m.outputsFor([]float32{0.5, -1.5, 2, 0.25})
		if err != nil {
			t.Fatal(err)
		}
		key := fmt.Sprint(out)
		if other, dup := seen[key]; dup {
			t.Errorf("activation %s gives the same outputs as %s", act, other)
		}
		seen[key] = act
	}
}

// l1_regularization is a penalty only (as in Keras and PyTorch): unlike
// GoMLX's L1 regularizer it does not snap small weights to zero.
func TestL1DoesNotZeroWeights(t *testing.T) {
	var w Weights
	if _, err := Run(context.Background(), values(t, "epochs", 1, "l1_regularization", 0.05), moons(t), WeightSnapshots(&w)); err != nil {
		t.Fatal(err)
	}
	zeros, small := 0, 0
	for _, l := range w.Before {
		for _, x := range l.W {
			if math.Abs(float64(x)) < 0.05 {
				small++
			}
		}
	}
	for _, l := range w.After {
		for _, x := range l.W {
			if x == 0 {
				zeros++
			}
		}
	}
	if small == 0 || zeros > 0 {
		t.Errorf("%d initial weights below 0.05, %d weights exactly 0 after training", small, zeros)
	}
}

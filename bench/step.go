package main

import (
	"fmt"
	"math/rand/v2"
	"time"

	"github.com/gomlx/gomlx/backends"
	_ "github.com/gomlx/gomlx/backends/simplego" // the pure-Go backend, never backends/default
	"github.com/gomlx/gomlx/pkg/core/dtypes"
	"github.com/gomlx/gomlx/pkg/core/graph"
	"github.com/gomlx/gomlx/pkg/core/tensors"
	"github.com/gomlx/gomlx/pkg/ml/context"
	"github.com/gomlx/gomlx/pkg/ml/layers"
	"github.com/gomlx/gomlx/pkg/ml/layers/activations"
	"github.com/gomlx/gomlx/pkg/ml/train/losses"
	"github.com/gomlx/gomlx/pkg/ml/train/optimizers"

	"github.com/hyperlab-go/hyperlab/training/dense"
)

// Layer names one dense layer implementation under test.
type Layer string

const (
	// Hyperlab is training/dense: two matrix products in the backward pass.
	Hyperlab Layer = "hyperlab"
	// Stock is GoMLX's layers.Dense with GoMLX's own Dot gradient.
	Stock Layer = "gomlx"
)

// layerFunc returns the graph builder of a layer implementation.
func layerFunc(l Layer) func(ctx *context.Context, x *graph.Node, outputs int) *graph.Node {
	if l == Stock {
		return func(ctx *context.Context, x *graph.Node, outputs int) *graph.Node {
			return layers.Dense(ctx, x, true, outputs)
		}
	}
	return func(ctx *context.Context, x *graph.Node, outputs int) *graph.Node {
		return dense.Apply(ctx, x, outputs, true)
	}
}

// Case is one benchmarked shape: an MLP with layer sizes Sizes (inputs first,
// classes last), trained with Adam at LearningRate on batches of Batch rows.
type Case struct {
	Name         string
	Sizes        []int
	Batch        int
	LearningRate float64
}

// Cases are the shapes of issue 7, the same for every framework.
var Cases = []Case{
	{Name: "mnist", Sizes: []int{784, 128, 10}, Batch: 128, LearningRate: 1e-3},
	{Name: "toy", Sizes: []int{2, 16, 16, 2}, Batch: 32, LearningRate: 1e-3},
	{Name: "wide", Sizes: []int{784, 512, 512, 10}, Batch: 256, LearningRate: 1e-3},
}

func (c Case) String() string {
	return fmt.Sprintf("%v b%d", c.Sizes, c.Batch)
}

// Step is one compiled training step (forward, backward, Adam update) on a
// fixed batch, as a bare GoMLX loop runs it.
type Step struct {
	exec   *context.Exec
	xs, ys []*tensors.Tensor // poolSize batches, cycled through
	next   int
	Losses []float32 // loss of each call, in order
}

// poolSize is how many distinct random batches a step cycles through (the
// same in torch_step.py), so the net does not just memorise one batch: a
// memorised batch drives the loss to 1e-7 and the arithmetic into slow
// subnormal floats within ~100 steps.
const poolSize = 16

// backendConfig is the GoMLX backend configuration: simplego ("go"),
// optionally with its options, e.g. "go:dotgeneral_large" (-backend).
var backendConfig = "go"

// NewBackend returns the simplego backend configured by backendConfig.
func NewBackend() (backends.Backend, error) {
	b, err := backends.NewWithConfig(backendConfig)
	if err != nil {
		return nil, fmt.Errorf("bench: backend %q: %w", backendConfig, err)
	}
	return b, nil
}

// NewStep compiles nothing yet: the first Run compiles, as in a real loop.
// Data are standard normal features and uniform labels from seed, so every
// layer implementation sees the same batch and starts from the same weights.
func NewStep(backend backends.Backend, c Case, l Layer, seed uint64) (*Step, error) {
	if len(c.Sizes) < 2 || c.Batch < 1 {
		return nil, fmt.Errorf("bench: case %q needs at least 2 layer sizes and a batch ≥ 1", c.Name)
	}
	rng := rand.New(rand.NewPCG(seed, 2))
	in, classes := c.Sizes[0], c.Sizes[len(c.Sizes)-1]
	s := &Step{}
	for range poolSize {
		xs := make([]float32, c.Batch*in)
		for i := range xs {
			xs[i] = float32(rng.NormFloat64())
		}
		ys := make([]int32, c.Batch)
		for i := range ys {
			ys[i] = int32(rng.IntN(classes))
		}
		s.xs = append(s.xs, tensors.FromFlatDataAndDimensions(xs, c.Batch, in))
		s.ys = append(s.ys, tensors.FromFlatDataAndDimensions(ys, c.Batch, 1))
	}

	ctx := context.New()
	ctx.SetParam("initializers_seed", int64(seed))
	ctx.SetParam(optimizers.ParamLearningRate, c.LearningRate)
	layer := layerFunc(l)
	opt := optimizers.Adam().LearningRate(c.LearningRate).Done()
	exec, err := context.NewExec(backend, ctx, func(ctx *context.Context, x, labels *graph.Node) *graph.Node {
		g := x.Graph()
		ctx.SetTraining(g, true)
		h := x
		for i, n := range c.Sizes[1:] {
			h = layer(ctx.In(fmt.Sprintf("layer_%d", i)), h, n)
			if i < len(c.Sizes)-2 {
				h = activations.Relu(h)
			}
		}
		loss := graph.ReduceAllMean(losses.SparseCategoricalCrossEntropyLogits([]*graph.Node{labels}, []*graph.Node{h}))
		opt.UpdateGraph(ctx, g, loss)
		return loss
	})
	if err != nil {
		return nil, fmt.Errorf("bench: building the %s step for %s: %w", l, c.Name, err)
	}
	s.exec = exec
	return s, nil
}

// Run executes one training step and reads the loss back to the host, as a
// loop that records the per-step loss does.
func (s *Step) Run() error {
	i := s.next % poolSize
	s.next++
	out, err := s.exec.Exec(s.xs[i], s.ys[i])
	if err != nil {
		return fmt.Errorf("bench: step: %w", err)
	}
	var loss float32
	switch v := out[0].Value().(type) {
	case float32:
		loss = v
	default:
		return fmt.Errorf("bench: step returned a %T loss, want float32 (dtype %s)", v, dtypes.Float32)
	}
	out[0].FinalizeAll()
	s.Losses = append(s.Losses, loss)
	return nil
}

// Block runs n steps and returns their wall and CPU time.
func (s *Step) Block(n int) (Cost, error) {
	start, cpu := time.Now(), processCPU()
	for range n {
		if err := s.Run(); err != nil {
			return Cost{}, err
		}
	}
	return Cost{Wall: time.Since(start), CPU: processCPU() - cpu}, nil
}

// WarmUp runs up to n steps (the first compiles the graph), stopping early
// after budget once at least two steps ran.
func (s *Step) WarmUp(n int, budget time.Duration) error {
	start := time.Now()
	for i := range n {
		if err := s.Run(); err != nil {
			return err
		}
		if i >= 1 && time.Since(start) > budget {
			break
		}
	}
	return nil
}

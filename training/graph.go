package training

import (
	"github.com/gomlx/gomlx/backends"
	. "github.com/gomlx/gomlx/pkg/core/graph" //nolint:revive
	"github.com/gomlx/gomlx/pkg/core/tensors"
	"github.com/gomlx/gomlx/pkg/ml/context"
	"github.com/gomlx/gomlx/pkg/ml/train"
	"github.com/gomlx/gomlx/pkg/ml/train/optimizers"
	"github.com/hyperlab-go/hyperlab/datasets"
)

// model is a compiled MLP: its GoMLX context (variables and parameters)
// and the executables of a training step, an evaluation pass and a
// prediction, each compiled once for its batch shape.
type model struct {
	cfg      Config
	task     datasets.Task
	loss     string // resolved: never "auto"
	features int
	outputs  int

	ctx     *context.Context
	trainer *context.Exec // (x, target, mask, lr) → (data loss, penalty, score sum)
	eval    *context.Exec // (x, target, mask) → (data loss sum, score sum, penalty)
	predict *context.Exec // (x) → outputs
}

// newModel prepares the context and the executables. params are GoMLX
// context parameters (all of the Values, so that names this package does
// not know reach GoMLX); the few the graph reads from the context are then
// set from cfg. lossName is resolved (never "auto").
func newModel(backend backends.Backend, cfg Config, task datasets.Task, lossName string, features, outputs int, params map[string]any) (*model, error) {
	m := &model{cfg: cfg, task: task, loss: lossName, features: features, outputs: outputs, ctx: context.New()}
	m.ctx.SetParams(params)
	m.ctx.SetParams(map[string]any{
		// Read by the dense layers' regularizers (regularizers.FromContext).
		// modelGraph adds the L1 term itself: GoMLX's L1 regularizer also
		// zeroes every weight smaller than l1_regularization after each
		// step, which Keras and PyTorch users would not expect.
		ParamL2: cfg.L2,
		ParamL1: 0.0,
		// Seeds the variable initialisers and the dropout masks.
		context.ParamInitialSeed: int64(cfg.Seed),
	})
	if err := m.ctx.SetRNGStateFromSeed(int64(cfg.Seed)); err != nil {
		return nil, err
	}
	opt, err := newOptimizer(cfg)
	if err != nil {
		return nil, err
	}
	m.trainer, err = context.NewExec(backend, m.ctx.Checked(false), func(ctx *context.Context, x, target, mask, lr *Node) (*Node, *Node, *Node) {
		g := x.Graph()
		ctx.SetTraining(g, true)
		out := modelGraph(ctx, cfg, x, outputs)
		dataLoss := Div(maskedSum(exampleLoss(lossName, cfg, task, out, target), mask), ReduceAllSum(mask))
		// The optimizer minimizes data loss + penalty; the two are returned
		// apart so that histories compare data losses across penalties.
		penalty := ScalarZero(g, dataLoss.DType())
		if cfg.L1 > 0 || cfg.L2 > 0 {
			penalty = train.GetLosses(ctx, g)
		}
		objective := Add(dataLoss, penalty)
		optimizers.LearningRateVar(ctx, objective.DType(), cfg.LearningRate).SetValueGraph(lr)
		opt.UpdateGraph(ctx, g, objective)
		train.ExecPerStepUpdateGraphFn(ctx, g) // per-step hooks of GoMLX layers, if any
		return dataLoss, penalty, maskedSum(exampleScore(task, out, target), mask)
	})
	if err != nil {
		return nil, err
	}
	m.eval, err = context.NewExec(backend, m.ctx.Checked(false), func(ctx *context.Context, x, target, mask *Node) (*Node, *Node, *Node) {
		g := x.Graph()
		ctx.SetTraining(g, false)
		out := modelGraph(ctx, cfg, x, outputs)
		penalty := ScalarZero(g, out.DType())
		if cfg.L1 > 0 || cfg.L2 > 0 {
			penalty = train.GetLosses(ctx, g)
		}
		return maskedSum(exampleLoss(lossName, cfg, task, out, target), mask),
			maskedSum(exampleScore(task, out, target), mask), penalty
	})
	if err != nil {
		return nil, err
	}
	m.predict, err = context.NewExec(backend, m.ctx.Checked(false), func(ctx *context.Context, x *Node) *Node {
		ctx.SetTraining(x.Graph(), false)
		return modelGraph(ctx, cfg, x, outputs)
	})
	return m, err
}

// step runs one training step on the batcher's current buffers and returns
// the batch's data loss, the regularization penalty the optimizer added to
// it, and the batch score sum.
func (m *model) step(b *batcher, lr float64) (loss, penalty, score float64, err error) {
	x := tensors.FromFlatDataAndDimensions(b.x, b.size, m.features)
	mask := tensors.FromFlatDataAndDimensions(b.mask, b.size)
	target := m.targetTensor(b)
	lrT := tensors.FromScalar(float32(lr))
	out, err := m.trainer.Exec(x, target, mask, lrT)
	for _, t := range []*tensors.Tensor{x, mask, target, lrT} {
		_ = t.FinalizeAll()
	}
	if err != nil {
		return 0, 0, 0, err
	}
	return scalar(out[0]), scalar(out[1]), scalar(out[2]), nil
}

func (m *model) targetTensor(b *batcher) *tensors.Tensor {
	if m.task == datasets.Classification {
		return tensors.FromFlatDataAndDimensions(b.labels, b.size)
	}
	return tensors.FromFlatDataAndDimensions(b.targets, b.size)
}

// evaluate returns the mean data loss over d (what the loss function says,
// penalty excluded, so that regularized and unregularized runs compare),
// the regularization penalty of the current weights, and the mean score
// (accuracy or mean absolute error) over d.
func (m *model) evaluate(d *datasets.Dataset) (loss, penalty, score float64, err error) {
	b := newBatcher(d, evalBatchSize(d.Len()), false, 0)
	var lossSum, scoreSum float64
	for k := range b.steps() {
		b.fill(k)
		x := tensors.FromFlatDataAndDimensions(b.x, b.size, m.features)
		mask := tensors.FromFlatDataAndDimensions(b.mask, b.size)
		target := m.targetTensor(b)
		out, err := m.eval.Exec(x, target, mask)
		for _, t := range []*tensors.Tensor{x, mask, target} {
			_ = t.FinalizeAll()
		}
		if err != nil {
			return 0, 0, 0, err
		}
		lossSum += scalar(out[0])
		scoreSum += scalar(out[1])
		penalty = scalar(out[2])
	}
	n := float64(d.Len())
	return lossSum / n, penalty, scoreSum / n, nil
}

// outputsFor returns the model's outputs for rows × m.features inputs,
// row-major (rows × m.outputs).
func (m *model) outputsFor(x []float32) ([]float32, error) {
	rows := len(x) / m.features
	d := &datasets.Dataset{X: x, NumFeatures: m.features, Task: datasets.Regression, Targets: make([]float32, rows)}
	b := newBatcher(d, evalBatchSize(rows), false, 0)
	out := make([]float32, 0, rows*m.outputs)
	for k := range b.steps() {
		real := b.fill(k)
		xt := tensors.FromFlatDataAndDimensions(b.x, b.size, m.features)
		res, err := m.predict.Exec(xt)
		_ = xt.FinalizeAll()
		if err != nil {
			return nil, err
		}
		flat := tensors.MustCopyFlatData[float32](res[0])
		_ = res[0].FinalizeAll()
		out = append(out, flat[:real*m.outputs]...)
	}
	return out, nil
}

// evalBatchSize is the batch of evaluation passes: the whole set when it is
// small, else chunks of 1024 rows (one compiled shape per size).
func evalBatchSize(rows int) int { return max(1, min(rows, 1024)) }

func scalar(t *tensors.Tensor) float64 {
	defer func() { _ = t.FinalizeAll() }()
	switch v := t.Value().(type) {
	case float32:
		return float64(v)
	case float64:
		return v
	}
	return 0
}

// init creates the model's variables and initialises them (seeded) by
// predicting one row of zeros, so that the weights exist before the first
// step. (context.Exec.PreCompile would be the natural call, but in GoMLX
// v0.26.0 it donates the variables' buffers without running the graph and
// leaves them empty.)
func (m *model) init() error {
	_, err := m.outputsFor(make([]float32, m.features))
	return err
}

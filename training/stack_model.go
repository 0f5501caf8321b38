package training

import (
	"fmt"

	"github.com/gomlx/gomlx/backends"
	"github.com/gomlx/gomlx/pkg/core/dtypes"
	. "github.com/gomlx/gomlx/pkg/core/graph" //nolint:revive
	"github.com/gomlx/gomlx/pkg/core/shapes"
	"github.com/gomlx/gomlx/pkg/core/tensors"
	"github.com/gomlx/gomlx/pkg/ml/context"
	"github.com/gomlx/gomlx/pkg/ml/layers/activations"
	"github.com/hyperlab-go/hyperlab/datasets"
	"github.com/hyperlab-go/hyperlab/training/dense"
)

// stackModel is K models of one architecture in one GoMLX graph: every
// variable has a leading axis of K, the dense layers are batched products
// (dense.StackedMatMul), and the hyperparameters that may differ between
// the models (learning rate, optimizer coefficients, dropout rate, L1, L2,
// weight decay) are per-model tensors. Model k starts from the weights and
// the random state that model would have alone with its seed, so its
// History matches the alone run's (see stack.go for the tolerance).
type stackModel struct {
	k        int
	cfgs     []Config
	task     datasets.Task
	loss     string
	features int
	outputs  int
	hidden   []int

	ctx     *context.Context
	trainer *context.Exec // (x [K,B,F], target [K,B], mask [K,B], lr [K]) → (data loss [K], penalty [K], score sum [K])
	eval    *context.Exec // (x [B,F], target [B], mask [B]) → (data loss sum [K], score sum [K], penalty [K])

	// Host buffers of a training step, reused.
	x, mask, targets []float32
	labels           []int32
}

// stackScope holds the stack's own state: the per-model random states and
// the optimizer's variables.
const stackScope = "stack"

// newStackModel builds the stack of plans (which share StackKey) on
// backend.
func newStackModel(backend backends.Backend, plans []*Plan) (*stackModel, error) {
	p0 := plans[0]
	s := &stackModel{k: len(plans), task: p0.Data.Train.Task, loss: p0.Loss, features: p0.Features, outputs: p0.Outputs,
		hidden: p0.Config.Hidden(), ctx: context.New()}
	for _, p := range plans {
		s.cfgs = append(s.cfgs, p.Config)
	}
	if err := s.initVariables(backend, plans); err != nil {
		return nil, err
	}
	var err error
	s.trainer, err = context.NewExec(backend, s.ctx.Checked(false), s.trainGraph)
	if err != nil {
		return nil, err
	}
	s.eval, err = context.NewExec(backend, s.ctx.Checked(false), s.evalGraph)
	return s, err
}

// initVariables builds each model as it would be built alone (its seeded
// initial weights, and its random state after initialisation, which its
// dropout masks draw from) and stacks them.
func (s *stackModel) initVariables(backend backends.Backend, plans []*Plan) error {
	widths := p0widths(plans[0])
	nLayers := len(widths) - 1
	weights := make([][]float32, nLayers)
	biases := make([][]float32, nLayers)
	var rng []uint64
	for _, p := range plans {
		m, err := p.newModel(backend)
		if err != nil {
			return err
		}
		for i := range nLayers {
			lctx := m.ctx.In(modelScope).In(layerName(i, nLayers-1)).In(dense.Scope)
			weights[i] = append(weights[i], tensors.MustCopyFlatData[float32](lctx.GetVariable(dense.WeightsName).MustValue())...)
			biases[i] = append(biases[i], tensors.MustCopyFlatData[float32](lctx.GetVariable(dense.BiasesName).MustValue())...)
		}
		state := m.ctx.GetVariableByScopeAndName(context.RootScope, context.RNGStateVariableName)
		if state == nil {
			return fmt.Errorf("training: the model of seed %d has no random state to stack", p.Config.Seed)
		}
		rng = append(rng, tensors.MustCopyFlatData[uint64](state.MustValue())...)
		m.ctx.Finalize()
	}
	for i := range nLayers {
		lctx := s.ctx.In(modelScope).In(layerName(i, nLayers-1)).In(dense.Scope)
		lctx.VariableWithValue(dense.WeightsName, tensors.FromFlatDataAndDimensions(weights[i], s.k, widths[i], widths[i+1]))
		lctx.VariableWithValue(dense.BiasesName, tensors.FromFlatDataAndDimensions(biases[i], s.k, widths[i+1]))
	}
	s.ctx.In(stackScope).VariableWithValue("rng", tensors.FromFlatDataAndDimensions(rng, s.k, len(rng)/s.k)).SetTrainable(false)
	s.ctx.In(stackScope).VariableWithValue("step", int64(0)).SetTrainable(false)
	return nil
}

func p0widths(p *Plan) []int { return p.widths() }

// layerVars returns layer i's stacked weights [K,in,out] and biases [K,out].
func (s *stackModel) layerVars(ctx *context.Context, i int) (w, b *context.Variable) {
	lctx := ctx.In(modelScope).In(layerName(i, len(s.hidden))).In(dense.Scope)
	return lctx.GetVariable(dense.WeightsName), lctx.GetVariable(dense.BiasesName)
}

// forward returns the stacked outputs [K,B,outputs] for x [K,B,F]; with
// training set, each model with a dropout rate drops units with its own
// random state, as it would alone.
func (s *stackModel) forward(ctx *context.Context, x *Node, training bool) *Node {
	g := x.Graph()
	act, err := activationRegistry.lookup(s.cfgs[0].Activation)
	if err != nil {
		panic(err)
	}
	var rngVar *context.Variable
	var states []*Node
	if training && s.anyDropout() {
		rngVar = ctx.In(stackScope).GetVariable("rng")
		all := rngVar.ValueGraph(g)
		for k := range s.k {
			states = append(states, Reshape(Slice(all, AxisElem(k)), all.Shape().Dimensions[1]))
		}
	}
	for i := range len(s.hidden) + 1 {
		w, b := s.layerVars(ctx, i)
		units := w.Shape().Dimensions[2]
		y := dense.StackedMatMul(x, w.ValueGraph(g))
		x = Add(y, BroadcastToDims(Reshape(b.ValueGraph(g), s.k, 1, units), y.Shape().Dimensions...))
		if i == len(s.hidden) {
			break
		}
		x = activations.Apply(act, x)
		if states != nil {
			x = s.dropout(x, states)
		}
	}
	if rngVar != nil {
		for k := range states {
			states[k] = Reshape(states[k], 1, states[k].Shape().Dimensions[0])
		}
		rngVar.SetValueGraph(Concatenate(states, 0))
	}
	return x
}

func (s *stackModel) anyDropout() bool {
	for _, c := range s.cfgs {
		if c.DropoutRate > 0 {
			return true
		}
	}
	return false
}

// dropout applies each model's dropout to its slice of x [K,B,units], with
// the same draws and formula as layers.DropoutNormalize alone, advancing
// states. The masks are drawn per model and stacked, so that x is never
// sliced (simplego lacks Pad, the gradient of a slice).
func (s *stackModel) dropout(x *Node, states []*Node) *Node {
	g := x.Graph()
	dims := x.Shape().Dimensions
	drop := make([]*Node, s.k)
	rates := make([]float64, s.k)
	for k, c := range s.cfgs {
		rates[k] = c.DropoutRate
		if c.DropoutRate > 0 {
			rate := Scalar(g, x.DType(), c.DropoutRate)
			var rnd *Node
			states[k], rnd = RandomUniform(states[k], shapes.Make(x.DType(), dims[1], dims[2]))
			drop[k] = LessOrEqual(rnd, BroadcastToDims(rate, dims[1], dims[2]))
		} else {
			drop[k] = BroadcastToDims(Const(g, false), dims[1], dims[2])
		}
		drop[k] = Reshape(drop[k], 1, dims[1], dims[2])
	}
	x = Where(Concatenate(drop, 0), ZerosLike(x), x)
	return Div(x, OneMinus(perModel(g, rates, dims...)))
}

// penalty is each model's regularization term [K], summed as the alone
// model sums it: the L2 term of every layer in order, then the L1 term.
func (s *stackModel) penalty(ctx *context.Context, g *Graph) *Node {
	var l1, l2 []float64
	anyL1, anyL2 := false, false
	for _, c := range s.cfgs {
		l1, l2 = append(l1, c.L1), append(l2, c.L2)
		anyL1, anyL2 = anyL1 || c.L1 > 0, anyL2 || c.L2 > 0
	}
	pen := Zeros(g, shapes.Make(dtypes.Float32, s.k))
	var abs *Node
	for i := range len(s.hidden) + 1 {
		w, _ := s.layerVars(ctx, i)
		wv := w.ValueGraph(g)
		if anyL2 {
			pen = Add(pen, Mul(ReduceSum(Square(wv), 1, 2), perModel(g, l2, s.k)))
		}
		if anyL1 {
			term := ReduceSum(Abs(wv), 1, 2)
			if abs == nil {
				abs = term
			} else {
				abs = Add(abs, term)
			}
		}
	}
	if abs != nil {
		pen = Add(pen, Mul(abs, perModel(g, l1, s.k)))
	}
	return pen
}

// perModel is a float32 constant shaped dims (leading axis K) whose slice k
// holds vals[k].
func perModel(g *Graph, vals []float64, dims ...int) *Node {
	size := 1
	for _, d := range dims[1:] {
		size *= d
	}
	flat := make([]float32, 0, len(vals)*size)
	for _, v := range vals {
		for range size {
			flat = append(flat, float32(v))
		}
	}
	return ConstTensor(g, tensors.FromFlatDataAndDimensions(flat, dims...))
}

// perExample reshapes out [K,B,C] and target [K,B] to K·B examples, applies
// fn, and returns its [K·B] result as [K,B].
func (s *stackModel) perExample(out, target *Node, fn func(out, target *Node) *Node) *Node {
	d := out.Shape().Dimensions
	v := fn(Reshape(out, d[0]*d[1], d[2]), Reshape(target, d[0]*d[1]))
	return Reshape(v, d[0], d[1])
}

func (s *stackModel) trainGraph(ctx *context.Context, x, target, mask, lr *Node) (*Node, *Node, *Node) {
	g := x.Graph()
	out := s.forward(ctx, x, true)
	losses := s.perExample(out, target, func(o, t *Node) *Node { return exampleLoss(s.loss, s.cfgs[0], s.task, o, t) })
	dataLoss := Div(ReduceSum(Mul(losses, mask), 1), ReduceSum(mask, 1))
	pen := s.penalty(ctx, g)
	objective := ReduceAllSum(Add(dataLoss, pen))
	s.update(ctx, g, objective, lr)
	score := s.perExample(out, target, func(o, t *Node) *Node { return exampleScore(s.task, o, t) })
	return dataLoss, pen, ReduceSum(Mul(score, mask), 1)
}

func (s *stackModel) evalGraph(ctx *context.Context, x, target, mask *Node) (*Node, *Node, *Node) {
	g := x.Graph()
	d := x.Shape().Dimensions
	xs := BroadcastToDims(Reshape(x, 1, d[0], d[1]), s.k, d[0], d[1])
	ts := BroadcastToDims(Reshape(target, 1, d[0]), s.k, d[0])
	ms := BroadcastToDims(Reshape(mask, 1, d[0]), s.k, d[0])
	out := s.forward(ctx, xs, false)
	losses := s.perExample(out, ts, func(o, t *Node) *Node { return exampleLoss(s.loss, s.cfgs[0], s.task, o, t) })
	score := s.perExample(out, ts, func(o, t *Node) *Node { return exampleScore(s.task, o, t) })
	return ReduceSum(Mul(losses, ms), 1), ReduceSum(Mul(score, ms), 1), s.penalty(ctx, g)
}

// step runs one training step on the batchers' current buffers (one per
// model) at the models' learning rates.
func (s *stackModel) step(bs []*batcher, lrs []float64) (loss, penalty, score []float64, err error) {
	s.x, s.mask, s.labels, s.targets = s.x[:0], s.mask[:0], s.labels[:0], s.targets[:0]
	for _, b := range bs {
		s.x = append(s.x, b.x...)
		s.mask = append(s.mask, b.mask...)
		s.labels = append(s.labels, b.labels...)
		s.targets = append(s.targets, b.targets...)
	}
	size := bs[0].size
	lr32 := make([]float32, s.k)
	for i, v := range lrs {
		lr32[i] = float32(v)
	}
	x := tensors.FromFlatDataAndDimensions(s.x, s.k, size, s.features)
	mask := tensors.FromFlatDataAndDimensions(s.mask, s.k, size)
	var target *tensors.Tensor
	if s.task == datasets.Classification {
		target = tensors.FromFlatDataAndDimensions(s.labels, s.k, size)
	} else {
		target = tensors.FromFlatDataAndDimensions(s.targets, s.k, size)
	}
	lrT := tensors.FromFlatDataAndDimensions(lr32, s.k)
	out, err := s.trainer.Exec(x, target, mask, lrT)
	for _, t := range []*tensors.Tensor{x, mask, target, lrT} {
		_ = t.FinalizeAll()
	}
	if err != nil {
		return nil, nil, nil, err
	}
	return vector(out[0]), vector(out[1]), vector(out[2]), nil
}

// evaluate returns each model's mean data loss, penalty and mean score
// over d, as model.evaluate does alone.
func (s *stackModel) evaluate(d *datasets.Dataset) (loss, penalty, score []float64, err error) {
	b := newBatcher(d, evalBatchSize(d.Len()), false, 0)
	loss, score = make([]float64, s.k), make([]float64, s.k)
	for step := range b.steps() {
		b.fill(step)
		x := tensors.FromFlatDataAndDimensions(b.x, b.size, s.features)
		mask := tensors.FromFlatDataAndDimensions(b.mask, b.size)
		var target *tensors.Tensor
		if s.task == datasets.Classification {
			target = tensors.FromFlatDataAndDimensions(b.labels, b.size)
		} else {
			target = tensors.FromFlatDataAndDimensions(b.targets, b.size)
		}
		out, err := s.eval.Exec(x, target, mask)
		for _, t := range []*tensors.Tensor{x, mask, target} {
			_ = t.FinalizeAll()
		}
		if err != nil {
			return nil, nil, nil, err
		}
		ls, sc := vector(out[0]), vector(out[1])
		penalty = vector(out[2])
		for k := range s.k {
			loss[k] += ls[k]
			score[k] += sc[k]
		}
	}
	n := float64(d.Len())
	for k := range s.k {
		loss[k] /= n
		score[k] /= n
	}
	return loss, penalty, score, nil
}

// vector copies a float32 tensor [K] to float64s and frees it.
func vector(t *tensors.Tensor) []float64 {
	defer func() { _ = t.FinalizeAll() }()
	flat := tensors.MustCopyFlatData[float32](t)
	out := make([]float64, len(flat))
	for i, v := range flat {
		out[i] = float64(v)
	}
	return out
}

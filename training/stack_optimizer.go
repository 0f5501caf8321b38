package training

import (
	"fmt"

	"github.com/gomlx/gomlx/pkg/core/dtypes"
	. "github.com/gomlx/gomlx/pkg/core/graph" //nolint:revive
	"github.com/gomlx/gomlx/pkg/core/tensors"
	"github.com/gomlx/gomlx/pkg/ml/context"
)

// update builds one optimizer step of every model of the stack: the same
// elementwise formulas as the optimizer each model would use alone (GoMLX's
// sgd, adam, adamw and rmsprop, this package's momentum and lion), with
// the coefficients as per-model constants and lr [K] the models' learning
// rates of this step.
func (s *stackModel) update(ctx *context.Context, g *Graph, objective, lr *Node) {
	var vars []*context.Variable
	var values []*Node
	for i := range len(s.hidden) + 1 {
		w, b := s.layerVars(ctx, i)
		vars = append(vars, w, b)
		values = append(values, w.ValueGraph(g), b.ValueGraph(g))
	}
	grads := Gradient(objective, values...)
	stepVar := ctx.In(stackScope).GetVariable("step")
	stepInt := Add(stepVar.ValueGraph(g), OnesLike(stepVar.ValueGraph(g)))
	stepVar.SetValueGraph(stepInt)
	step := ConvertDType(stepInt, dtypes.Float32)
	lrs := map[int]*Node{} // lr broadcast to each variable rank
	for i, v := range vars {
		dims := v.Shape().Dimensions
		lrB := lrs[len(dims)]
		if lrB == nil {
			shape := make([]int, len(dims))
			for j := range shape {
				shape[j] = 1
			}
			shape[0] = s.k
			lrB = Reshape(lr, shape...)
			lrs[len(dims)] = lrB
		}
		lrB = BroadcastToDims(lrB, dims...)
		v.SetValueGraph(s.optimizerStep(ctx, i, v, values[i], grads[i], lrB, step))
	}
}

// coef is the per-model constant of coefficient of, shaped like v.
func (s *stackModel) coef(g *Graph, dims []int, of func(Config) float64) *Node {
	vals := make([]float64, s.k)
	for k, c := range s.cfgs {
		vals[k] = of(c)
	}
	return perModel(g, vals, dims...)
}

// state is the optimizer's zero-initialised variable number i for v.
func (s *stackModel) state(ctx *context.Context, i int, v *context.Variable, suffix string) *context.Variable {
	return ctx.In(stackScope).Checked(false).
		VariableWithValue(fmt.Sprintf("v%d_%s", i, suffix), tensors.FromShape(v.Shape())).SetTrainable(false)
}

// optimizerStep returns w's new value.
func (s *stackModel) optimizerStep(ctx *context.Context, i int, v *context.Variable, w, grad, lr, step *Node) *Node {
	g := w.Graph()
	dims := w.Shape().Dimensions
	coef := func(of func(Config) float64) *Node { return s.coef(g, dims, of) }
	switch name := s.cfgs[0].Optimizer; name {
	case "sgd":
		return Sub(w, Mul(grad, lr))
	case "momentum": // not a hyperparameter name: the optimizer
		vel := s.state(ctx, i, v, "velocity")
		velocity := Add(Mul(coef(func(c Config) float64 { return c.Momentum }), vel.ValueGraph(g)), grad)
		vel.SetValueGraph(velocity)
		return Sub(w, Mul(lr, velocity))
	case "lion":
		avg := s.state(ctx, i, v, "m")
		m := avg.ValueGraph(g)
		b1, b2 := coef(func(c Config) float64 { return c.LionBeta1 }), coef(func(c Config) float64 { return c.LionBeta2 })
		one := ScalarOne(g, w.DType())
		update := Sign(Add(Mul(b1, m), Mul(Sub(one, b1), grad)))
		update = Add(update, Mul(coef(func(c Config) float64 { return c.WeightDecay }), w))
		avg.SetValueGraph(Add(Mul(b2, m), Mul(Sub(one, b2), grad)))
		return Sub(w, Mul(lr, update))
	case "adam", "adamw", "rmsprop":
		return s.adamStep(ctx, i, v, w, grad, lr, step, name)
	default:
		panic(fmt.Sprintf("training: optimizer %q has no stacked form; StackKey should have kept it out of a stack", name))
	}
}

// adamStep is GoMLX's Adam (and its RMSProp, which drops the first moment
// but keeps the debiased second) with per-model coefficients.
func (s *stackModel) adamStep(ctx *context.Context, i int, v *context.Variable, w, grad, lr, step *Node, name string) *Node {
	g := w.Graph()
	dims := w.Shape().Dimensions
	beta1 := s.coef(g, dims, func(c Config) float64 { return c.AdamBeta1 })
	beta2 := s.coef(g, dims, func(c Config) float64 { return c.AdamBeta2 })
	eps := s.coef(g, dims, func(c Config) float64 { return c.AdamEpsilon })
	debias2 := s.debias(g, step, dims, func(c Config) float64 { return c.AdamBeta2 })
	direction := grad
	if name != "rmsprop" {
		m1Var := s.state(ctx, i, v, "m1")
		m1 := Add(Mul(beta1, m1Var.ValueGraph(g)), Mul(OneMinus(beta1), grad))
		m1Var.SetValueGraph(m1)
		direction = Mul(m1, s.debias(g, step, dims, func(c Config) float64 { return c.AdamBeta1 }))
	}
	m2Var := s.state(ctx, i, v, "m2")
	m2 := Add(Mul(beta2, m2Var.ValueGraph(g)), Mul(OneMinus(beta2), Square(grad)))
	m2Var.SetValueGraph(m2)
	denominator := Add(Sqrt(Mul(m2, debias2)), eps)
	delta := Div(Mul(lr, direction), denominator)
	if name == "adamw" {
		delta = Add(delta, Mul(lr, Mul(w, s.coef(g, dims, func(c Config) float64 { return c.WeightDecay }))))
	}
	return Sub(w, delta)
}

// debias is Adam's 1/(1−β^step) for each model's β (of), computed on [K]
// (a power per element is costly) and broadcast to dims.
func (s *stackModel) debias(g *Graph, step *Node, dims []int, of func(Config) float64) *Node {
	vals := make([]float64, s.k)
	for k, c := range s.cfgs {
		vals[k] = of(c)
	}
	d := Reciprocal(OneMinus(Pow(perModel(g, vals, s.k), step)))
	shape := make([]int, len(dims))
	for j := range shape {
		shape[j] = 1
	}
	shape[0] = s.k
	return BroadcastToDims(Reshape(d, shape...), dims...)
}

// stackedOptimizers are the optimizers optimizerStep knows.
var stackedOptimizers = map[string]bool{"sgd": true, "momentum": true, "lion": true, "adam": true, "adamw": true, "rmsprop": true} // not a hyperparameter name: optimizers

package training

import (
	. "github.com/gomlx/gomlx/pkg/core/graph" //nolint:revive
	"github.com/gomlx/gomlx/pkg/ml/context"
)

// lionScope holds Lion's moving average of each trained variable.
const lionScope = "LionOptimizer"

// lion is the Lion optimizer (Chen et al. 2023, "Symbolic Discovery of
// Optimization Algorithms"): the step is the sign of an interpolation of
// the moving average and the gradient, so every weight moves by exactly
// the learning rate, plus decoupled weight decay:
//
//	u ← sign(β1·m + (1−β1)·g)
//	w ← w − lr·(u + λ·w)
//	m ← β2·m + (1−β2)·g
//
// Because every update has size lr, Lion wants a learning rate 3-10×
// smaller than Adam's (the paper's advice), and a λ as many times larger
// for the same effective decay. λ is weight_decay, applied to every
// trained variable, biases included, as optax's lion does by default.
type lion struct{ beta1, beta2, weightDecay float64 }

// UpdateGraph builds one Lion step for every trainable variable loss
// depends on.
func (o lion) UpdateGraph(ctx *context.Context, g *Graph, loss *Node) {
	lr, trained, grads := optimizerStep(ctx, g, loss, "lion")
	for i, v := range trained {
		avg := stateVariable(ctx, lionScope, v, "m")
		dt := v.DType()
		m, grad, w := avg.ValueGraph(g), grads[i], v.ValueGraph(g)
		b1, b2 := Scalar(g, dt, o.beta1), Scalar(g, dt, o.beta2)
		one := ScalarOne(g, dt)
		update := Sign(Add(Mul(b1, m), Mul(Sub(one, b1), grad)))
		if o.weightDecay > 0 {
			update = Add(update, Mul(Scalar(g, dt, o.weightDecay), w))
		}
		v.SetValueGraph(Sub(w, Mul(ConvertDType(lr, dt), update)))
		avg.SetValueGraph(Add(Mul(b2, m), Mul(Sub(one, b2), grad)))
	}
}

// Clear deletes the moving averages.
func (o lion) Clear(ctx *context.Context) error {
	return ctx.InAbsPath(context.ScopeSeparator + lionScope).DeleteVariablesInScope()
}

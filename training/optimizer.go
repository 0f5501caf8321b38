package training

import (
	"fmt"

	. "github.com/gomlx/gomlx/pkg/core/graph" //nolint:revive
	"github.com/gomlx/gomlx/pkg/ml/context"
	"github.com/gomlx/gomlx/pkg/ml/context/initializers"
	"github.com/gomlx/gomlx/pkg/ml/train/optimizers"
)

// newOptimizer returns the GoMLX optimizer c names. GoMLX provides sgd,
// adam, adamw (Adam with decoupled weight decay) and rmsprop; momentum is
// added here. The learning rate of every optimizer is the variable
// optimizers.LearningRateVar, which the train step sets from the schedule
// before the optimizer reads it.
func newOptimizer(c Config) optimizers.Interface {
	switch c.Optimizer {
	case "sgd":
		// Without GoMLX's default 1/sqrt(step) decay: lr_schedule decides.
		return optimizers.StochasticGradientDescent().WithDecay(false).Done()
	case "momentum":
		return momentum{beta: c.Momentum}
	case "adamw":
		return optimizers.Adam().Betas(c.AdamBeta1, c.AdamBeta2).Epsilon(c.AdamEpsilon).WeightDecay(c.WeightDecay).Done()
	case "rmsprop":
		return optimizers.RMSProp().Betas(c.AdamBeta1, c.AdamBeta2).Epsilon(c.AdamEpsilon).Done()
	}
	return optimizers.Adam().Betas(c.AdamBeta1, c.AdamBeta2).Epsilon(c.AdamEpsilon).Done()
}

// momentumScope holds the velocity of each trained variable.
const momentumScope = "MomentumOptimizer"

// momentum is SGD with (heavy-ball) momentum, as PyTorch's SGD(momentum=β):
//
//	v ← β·v + ∇loss
//	w ← w − lr·v
//
// It implements optimizers.Interface, which GoMLX v0.26.0 lacks for this
// method.
type momentum struct{ beta float64 }

// UpdateGraph builds one momentum step for every trainable variable loss
// depends on.
func (o momentum) UpdateGraph(ctx *context.Context, g *Graph, loss *Node) {
	if !loss.Shape().IsScalar() {
		panic(fmt.Sprintf("training: momentum optimizer needs a scalar loss, got %s", loss.Shape()))
	}
	grads := ctx.BuildTrainableVariablesGradientsGraph(loss)
	dtype := loss.DType()
	lr := optimizers.LearningRateVar(ctx, dtype, optimizers.SGDDefaultLearningRate).ValueGraph(g)
	optimizers.IncrementGlobalStepGraph(ctx, g, dtype)

	// Collect first: creating the velocity variables while iterating over
	// the context's variables would change what is iterated.
	var trained []*context.Variable
	for v := range ctx.IterVariables() {
		if v.Trainable && v.InUseByGraph(g) {
			trained = append(trained, v)
		}
	}
	if len(trained) != len(grads) {
		panic(fmt.Sprintf("training: momentum optimizer got %d gradients for %d variables", len(grads), len(trained)))
	}
	beta := Scalar(g, dtype, o.beta)
	for i, v := range trained {
		vel := ctx.Checked(false).InAbsPath(context.ScopeSeparator+momentumScope+v.Scope()).
			WithInitializer(initializers.Zero).
			VariableWithShape(v.Name()+"_velocity", v.Shape()).SetTrainable(false)
		grad := grads[i]
		velocity := Add(Mul(beta, vel.ValueGraph(g)), grad)
		vel.SetValueGraph(velocity)
		v.SetValueGraph(Sub(v.ValueGraph(g), Mul(ConvertDType(lr, v.DType()), velocity)))
	}
}

// Clear deletes the velocities.
func (o momentum) Clear(ctx *context.Context) error {
	return ctx.InAbsPath(context.ScopeSeparator + momentumScope).DeleteVariablesInScope()
}

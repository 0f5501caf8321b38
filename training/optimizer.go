package training

import (
	"fmt"

	. "github.com/gomlx/gomlx/pkg/core/graph" //nolint:revive
	"github.com/gomlx/gomlx/pkg/ml/context"
	"github.com/gomlx/gomlx/pkg/ml/context/initializers"
	"github.com/gomlx/gomlx/pkg/ml/train/optimizers"
)

// optimizerRegistry lists every optimizer: the choices of ParamOptimizer.
// GoMLX provides sgd, adam, adamw (Adam with decoupled weight decay) and
// rmsprop; momentum and lion are added here. The learning rate of every
// optimizer is the variable optimizers.LearningRateVar, which the train
// step sets from the schedule before the optimizer reads it.
var optimizerRegistry = &registry[func(Config) optimizers.Interface]{param: ParamOptimizer, entries: []entry[func(Config) optimizers.Interface]{
	{Choice{"sgd", "plain stochastic gradient descent: w ← w − lr·g"}, func(Config) optimizers.Interface {
		// Without GoMLX's default 1/sqrt(step) decay: lr_schedule decides.
		return optimizers.StochasticGradientDescent().WithDecay(false).Done()
	}},
	{Choice{"momentum", "SGD with heavy-ball momentum (PyTorch's SGD(momentum=β)); reads momentum"}, func(c Config) optimizers.Interface {
		return momentum{beta: c.Momentum}
	}},
	{Choice{"adam", "Adam (Kingma & Ba 2014); reads adam_beta1, adam_beta2, adam_epsilon"}, func(c Config) optimizers.Interface {
		return optimizers.Adam().Betas(c.AdamBeta1, c.AdamBeta2).Epsilon(c.AdamEpsilon).Done()
	}},
	{Choice{"adamw", "Adam with decoupled weight decay (Loshchilov & Hutter 2019); also reads weight_decay"}, func(c Config) optimizers.Interface {
		return optimizers.Adam().Betas(c.AdamBeta1, c.AdamBeta2).Epsilon(c.AdamEpsilon).WeightDecay(c.WeightDecay).Done()
	}},
	{Choice{"rmsprop", "RMSProp; reads adam_beta2 (decay of the squared gradient) and adam_epsilon"}, func(c Config) optimizers.Interface {
		return optimizers.RMSProp().Betas(c.AdamBeta1, c.AdamBeta2).Epsilon(c.AdamEpsilon).Done()
	}},
	{Choice{"lion", "Lion (Chen et al. 2023): the sign of interpolated momentum; reads lion_beta1, lion_beta2, weight_decay; wants a 3-10× smaller learning_rate than adam, e.g. 0.003"}, func(c Config) optimizers.Interface {
		return lion{beta1: c.LionBeta1, beta2: c.LionBeta2, weightDecay: c.WeightDecay}
	}},
}}

// newOptimizer returns the GoMLX optimizer c names; an unknown name is an
// error (Validate reports it first), never a silent default.
func newOptimizer(c Config) (optimizers.Interface, error) {
	build, err := optimizerRegistry.lookup(c.Optimizer)
	if err != nil {
		return nil, err
	}
	return build(c), nil
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
	lr, trained, grads := optimizerStep(ctx, g, loss, "heavy-ball")
	for i, v := range trained {
		vel := stateVariable(ctx, momentumScope, v, "velocity")
		beta := Scalar(g, v.DType(), o.beta)
		velocity := Add(Mul(beta, vel.ValueGraph(g)), grads[i])
		vel.SetValueGraph(velocity)
		v.SetValueGraph(Sub(v.ValueGraph(g), Mul(ConvertDType(lr, v.DType()), velocity)))
	}
}

// Clear deletes the velocities.
func (o momentum) Clear(ctx *context.Context) error {
	return ctx.InAbsPath(context.ScopeSeparator + momentumScope).DeleteVariablesInScope()
}

// optimizerStep is the part every optimizer of this package shares: it
// checks the loss is a scalar, builds the gradients, reads the learning
// rate, counts the step and lists the trained variables, in the order of
// the gradients.
func optimizerStep(ctx *context.Context, g *Graph, loss *Node, name string) (lr *Node, trained []*context.Variable, grads []*Node) {
	if !loss.Shape().IsScalar() {
		panic(fmt.Sprintf("training: %s optimizer needs a scalar loss, got %s", name, loss.Shape()))
	}
	grads = ctx.BuildTrainableVariablesGradientsGraph(loss)
	dtype := loss.DType()
	lr = optimizers.LearningRateVar(ctx, dtype, optimizers.SGDDefaultLearningRate).ValueGraph(g)
	optimizers.IncrementGlobalStepGraph(ctx, g, dtype)
	// Collect first: creating the optimizer's variables while iterating
	// over the context's variables would change what is iterated.
	for v := range ctx.IterVariables() {
		if v.Trainable && v.InUseByGraph(g) {
			trained = append(trained, v)
		}
	}
	if len(trained) != len(grads) {
		panic(fmt.Sprintf("training: %s optimizer got %d gradients for %d variables", name, len(grads), len(trained)))
	}
	return lr, trained, grads
}

// stateVariable is the optimizer's own zero-initialised, untrained
// variable for v, shaped like v, kept under scope.
func stateVariable(ctx *context.Context, scope string, v *context.Variable, suffix string) *context.Variable {
	return ctx.Checked(false).InAbsPath(context.ScopeSeparator+scope+v.Scope()).
		WithInitializer(initializers.Zero).
		VariableWithShape(v.Name()+"_"+suffix, v.Shape()).SetTrainable(false)
}

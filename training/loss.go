package training

import (
	"fmt"

	"github.com/gomlx/gomlx/pkg/core/dtypes"
	. "github.com/gomlx/gomlx/pkg/core/graph" //nolint:revive
	"github.com/hyperlab-go/hyperlab/datasets"
)

// exampleLossFn returns the loss of each example, shaped [batch]; see
// exampleLoss.
type exampleLossFn func(c Config, task datasets.Task, out, target *Node) *Node

// lossRegistry lists every loss: the choices of ParamLoss. auto has no
// function of its own: lossFor resolves it for the task.
var lossRegistry = &registry[exampleLossFn]{param: ParamLoss, entries: []entry[exampleLossFn]{
	{Choice{lossAuto, "cross_entropy for classification, mse for regression"}, nil},
	{Choice{lossCrossEntropy, "softmax cross-entropy of the logits (classification only)"}, crossEntropy},
	{Choice{lossMSE, "mean squared error; on a classifier, of the softmax probabilities against one-hot labels"}, elementwise(func(c Config, diff *Node) *Node { return Square(diff) })},
	{Choice{"mae", "mean absolute error; robust to outliers"}, elementwise(func(c Config, diff *Node) *Node { return Abs(diff) })},
	{Choice{"huber", "quadratic below huber_loss_delta, linear above"}, elementwise(huber)},
}}

// The loss names the code decides on.
const (
	lossAuto         = "auto"
	lossCrossEntropy = "cross_entropy"
	lossMSE          = "mse"
)

// lossFor resolves loss=auto for the task and rejects a loss the task
// cannot use.
func lossFor(c Config, task datasets.Task) (string, error) {
	switch {
	case c.Loss == lossAuto && task == datasets.Classification:
		return lossCrossEntropy, nil
	case c.Loss == lossAuto:
		return lossMSE, nil
	case c.Loss == lossCrossEntropy && task != datasets.Classification:
		return "", fmt.Errorf("training: %s=%s needs a classification dataset, and this one is %s; use mse, mae or huber", ParamLoss, lossCrossEntropy, task)
	}
	return c.Loss, lossRegistry.check(c.Loss)
}

// exampleLoss returns the loss of each example, shaped [batch], for a
// resolved loss name (never auto).
//
// For classification out holds logits [batch, classes] and target the
// labels [batch] (int32): cross_entropy is the softmax cross-entropy; mse,
// mae and huber compare the softmax probabilities with the one-hot labels,
// averaged over the classes (as Keras does). For regression out is
// [batch, 1] and target [batch] (float32).
func exampleLoss(loss string, c Config, task datasets.Task, out, target *Node) *Node {
	fn, err := lossRegistry.lookup(loss)
	if err != nil || fn == nil {
		panic(fmt.Sprintf("training: loss %q was not resolved before building the graph", loss)) // guard returns it
	}
	return fn(c, task, out, target)
}

func crossEntropy(_ Config, _ datasets.Task, out, target *Node) *Node {
	onehot := OneHot(target, out.Shape().Dimensions[1], out.DType())
	return Neg(ReduceSum(Mul(onehot, LogSoftmax(out, -1)), -1))
}

// elementwise turns a loss of the prediction error into an example loss:
// for a classifier the error is between the softmax probabilities and the
// one-hot labels, averaged over the classes.
func elementwise(of func(c Config, diff *Node) *Node) exampleLossFn {
	return func(c Config, task datasets.Task, out, target *Node) *Node {
		var pred, want *Node
		if task == datasets.Classification {
			pred, want = Softmax(out, -1), OneHot(target, out.Shape().Dimensions[1], out.DType())
		} else {
			pred, want = out, Reshape(target, target.Shape().Dimensions[0], 1)
		}
		return ReduceMean(of(c, Sub(pred, want)), -1)
	}
}

func huber(c Config, diff *Node) *Node {
	delta := Scalar(diff.Graph(), diff.DType(), c.HuberDelta)
	abs := Abs(diff)
	quad := Min(abs, delta)
	return Add(MulScalar(Square(quad), 0.5), Mul(delta, Sub(abs, quad)))
}

// maskedSum sums per-example values weighted by mask (1 for a real row, 0
// for a padding row). Padding rows are zeros, so their values are finite
// whenever the real rows' are.
func maskedSum(values, mask *Node) *Node {
	return ReduceAllSum(Mul(values, mask))
}

// exampleScore is the per-example metric: 1 for a correct class
// (classification) or the absolute error (regression).
func exampleScore(task datasets.Task, out, target *Node) *Node {
	if task == datasets.Classification {
		pred := ArgMax(out, -1, dtypes.Int32)
		return ConvertDType(Equal(pred, target), out.DType())
	}
	return Abs(Sub(Reshape(out, out.Shape().Dimensions[0]), target))
}

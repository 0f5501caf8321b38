package training

import (
	"fmt"

	"github.com/gomlx/gomlx/pkg/core/dtypes"
	. "github.com/gomlx/gomlx/pkg/core/graph" //nolint:revive
	"github.com/hyperlab-go/hyperlab/datasets"
)

// lossFor resolves loss=auto for the task and rejects a loss the task
// cannot use.
func lossFor(c Config, task datasets.Task) (string, error) {
	switch {
	case c.Loss == "auto" && task == datasets.Classification:
		return "cross_entropy", nil
	case c.Loss == "auto":
		return "mse", nil
	case c.Loss == "cross_entropy" && task != datasets.Classification:
		return "", fmt.Errorf("training: loss=cross_entropy needs a classification dataset, and this one is %s; use mse, mae or huber", task)
	}
	return c.Loss, nil
}

// exampleLoss returns the loss of each example, shaped [batch].
//
// For classification out holds logits [batch, classes] and target the
// labels [batch] (int32): cross_entropy is the softmax cross-entropy; mse,
// mae and huber compare the softmax probabilities with the one-hot labels,
// averaged over the classes (as Keras does). For regression out is
// [batch, 1] and target [batch] (float32).
func exampleLoss(loss string, huberDelta float64, task datasets.Task, out, target *Node) *Node {
	var pred, want *Node
	if task == datasets.Classification {
		classes := out.Shape().Dimensions[1]
		onehot := OneHot(target, classes, out.DType())
		if loss == "cross_entropy" {
			return Neg(ReduceSum(Mul(onehot, LogSoftmax(out, -1)), -1))
		}
		pred, want = Softmax(out, -1), onehot
	} else {
		pred, want = out, Reshape(target, target.Shape().Dimensions[0], 1)
	}
	diff := Sub(pred, want)
	var l *Node
	switch loss {
	case "mae":
		l = Abs(diff)
	case "huber":
		g := out.Graph()
		delta := Scalar(g, out.DType(), huberDelta)
		abs := Abs(diff)
		quad := Min(abs, delta)
		l = Add(MulScalar(Square(quad), 0.5), Mul(delta, Sub(abs, quad)))
	default: // mse
		l = Square(diff)
	}
	return ReduceMean(l, -1)
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

package training

import (
	"testing"

	. "github.com/gomlx/gomlx/pkg/core/graph" //nolint:revive
	"github.com/gomlx/gomlx/pkg/core/tensors"
	mlctx "github.com/gomlx/gomlx/pkg/ml/context"
	"github.com/gomlx/gomlx/pkg/ml/train"
	"github.com/gomlx/gomlx/pkg/ml/train/losses"
)

// benchTrainer measures the same step through GoMLX's train.Trainer, the
// alternative to this package's loop (which is leaner: no metrics, no
// moving averages); compare with BenchmarkStepMNIST and BenchmarkStepToy.
func benchTrainer(b *testing.B, c Config, features, classes int) {
	backend, _ := defaultBackend(c.BatchSize, c.widths(features, classes)...)
	ctx := mlctx.New()
	opt, err := newOptimizer(c)
	if err != nil {
		b.Fatal(err)
	}
	tr := train.NewTrainer(backend, ctx, func(ctx *mlctx.Context, _ any, in []*Node) []*Node {
		return []*Node{modelGraph(ctx, c, in[0], classes)}
	}, losses.SparseCategoricalCrossEntropyLogits, opt, nil, nil)
	x := make([]float32, c.BatchSize*features)
	y := make([]int32, c.BatchSize)
	for i := range x {
		x[i] = float32(i%13) / 13
	}
	for i := range y {
		y[i] = int32(i % classes)
	}
	step := func() {
		xt := tensors.FromFlatDataAndDimensions(x, c.BatchSize, features)
		yt := tensors.FromFlatDataAndDimensions(y, c.BatchSize, 1)
		if _, err := tr.TrainStep(nil, []*tensors.Tensor{xt}, []*tensors.Tensor{yt}); err != nil {
			b.Fatal(err)
		}
	}
	step()
	cpu := cpuTime()
	for b.Loop() {
		step()
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/1000/float64(b.N), "ms/step")
	b.ReportMetric(float64((cpuTime()-cpu).Microseconds())/1000/float64(b.N), "cpu-ms/step")
}

func BenchmarkTrainerStepMNIST(b *testing.B) {
	c := DefaultConfig()
	c.HiddenSizes, c.BatchSize = []int{128}, 128
	benchTrainer(b, c, 784, 10)
}

func BenchmarkTrainerStepToy(b *testing.B) {
	c := DefaultConfig()
	c.HiddenSizes = []int{16}
	benchTrainer(b, c, 2, 2)
}

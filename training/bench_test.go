package training

import (
	"math/rand/v2"
	"testing"

	"github.com/hyperlab-go/hyperlab/datasets"
)

// benchStep measures one training step (forward, backward, optimizer
// update, loss read back) of the MLP c on random data with the given
// shape; it reports ms/step.
func benchStep(b *testing.B, c Config, features, classes int) {
	rng := rand.New(rand.NewPCG(1, 2))
	rows := c.BatchSize * 4
	d := &datasets.Dataset{Name: "bench", Task: datasets.Classification, NumFeatures: features, NumClasses: classes,
		X: make([]float32, rows*features), Labels: make([]int32, rows)}
	for i := range d.X {
		d.X[i] = rng.Float32()
	}
	for i := range d.Labels {
		d.Labels[i] = int32(rng.IntN(classes))
	}
	backend, err := defaultBackend(c.BatchSize, c.widths(features, classes)...)
	if err != nil {
		b.Fatal(err)
	}
	m, err := newModel(backend, c, datasets.Classification, "cross_entropy", features, classes, nil)
	if err != nil {
		b.Fatal(err)
	}
	bt := newBatcher(d, c.BatchSize, true, 1)
	bt.startEpoch(1)
	bt.fill(0)
	if _, _, _, err := m.step(bt, c.LearningRate); err != nil { // compile outside the timing
		b.Fatal(err)
	}
	k := 0
	cpu := cpuTime()
	for b.Loop() {
		bt.fill(k % 4)
		if _, _, _, err := m.step(bt, c.LearningRate); err != nil {
			b.Fatal(err)
		}
		k++
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/1000/float64(b.N), "ms/step")
	b.ReportMetric(float64((cpuTime()-cpu).Microseconds())/1000/float64(b.N), "cpu-ms/step")
}

// The MNIST MLP of the issue: 784-128-10, batch 128, Adam.
func BenchmarkStepMNIST(b *testing.B) {
	c := DefaultConfig()
	c.HiddenSizes, c.BatchSize, c.LearningRate = []int{128}, 128, 0.001
	benchStep(b, c, 784, 10)
}

// A 2-D toy MLP: 2-16-2, batch 32, Adam.
func BenchmarkStepToy(b *testing.B) {
	c := DefaultConfig()
	c.HiddenSizes = []int{16}
	benchStep(b, c, 2, 2)
}

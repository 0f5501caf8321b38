package training

import (
	"context"
	"testing"

	"github.com/hyperlab-go/hyperlab/hparams"
)

// BenchmarkStackToy16 trains 16 toy models (moons defaults, 2 epochs) in
// one stack; compare with BenchmarkStackToy16Alone.
func BenchmarkStackToy16(b *testing.B) { benchStack(b, true) }

// BenchmarkStackToy16Alone trains the same 16 models one after the other.
func BenchmarkStackToy16Alone(b *testing.B) { benchStack(b, false) }

func benchStack(b *testing.B, stacked bool) {
	data := moons(b)
	var vs []hparams.Values
	for i := range 16 {
		vs = append(vs, values(b, "epochs", stackBenchEpochs, "seed", i+1))
	}
	plans := plansOf(b, data, vs...)
	opts := make([][]Option, len(plans))
	if !stacked {
		for i := range opts {
			opts[i] = []Option{NoStack()}
		}
	}
	b.ResetTimer()
	for range b.N {
		if _, errs := RunPlans(context.Background(), plans, opts); errs[0] != nil {
			b.Fatal(errs[0])
		}
	}
}

// stackBenchEpochs are the epochs of each model of the stack benchmarks.
const stackBenchEpochs = 6

package training

import (
	"context"
	"math"
	"strings"
	"testing"
	"time"
)

// A model far larger than the machine's memory is refused before it is
// built, in one sentence naming memory; so is a boundary too fine.
func TestRunRefusesWhatMemoryCannotHold(t *testing.T) {
	data := moonsSmall(t)
	v, err := Spec.Defaults().With(ParamHiddenSizes, []int{65536, 65536})
	if err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	_, err = Run(context.Background(), v, data)
	if err == nil || !strings.Contains(err.Error(), "of memory") {
		t.Fatalf("a 65536×65536 model: %v; want a refusal naming memory", err)
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("the refusal took %v: something was allocated first", d)
	}
	for _, steps := range []int{20000, 1, -3} {
		var b Boundary
		_, err := Run(context.Background(), Spec.Defaults(), data, DecisionBoundary(&b, steps))
		if err == nil || !strings.Contains(err.Error(), "resolution from 2 to 1000") {
			t.Errorf("boundary steps %d: %v", steps, err)
		}
	}
}

func TestEstimateMemoryParts(t *testing.T) {
	m := EstimateMemory(MemorySizes{Rows: 1000, Features: 2, Params: 100, Batch: 32, Widest: 16, BoundarySteps: 100, Trials: 10})
	if m.Data != 1000*3*bytesPerValue || m.Grid != 10*bytesPerTrial || m.Boundary <= 0 || m.Model <= 100*bytesPerParam {
		t.Errorf("estimate %+v", m)
	}
	if err := m.Check(); err != nil {
		t.Errorf("a small run refused: %v", err)
	}
	huge := EstimateMemory(MemorySizes{Trials: math.MaxInt})
	if huge.Grid <= 0 || huge.Check() == nil {
		t.Errorf("a grid of math.MaxInt trials: %+v, check %v; want a refusal, not an overflow", huge, huge.Check())
	}
}

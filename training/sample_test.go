package training

import "testing"

// A negative or zero sample size gives no trials, not a panic.
func TestSampleTrialsNonPositive(t *testing.T) {
	trials, err := GridTrials(Spec.Defaults(), map[string][]any{ParamLearningRate: {0.1, 0.01}})
	if err != nil {
		t.Skip(err)
	}
	for _, n := range []int{-5, 0} {
		if got := SampleTrials(trials, n, 1); len(got) != 0 {
			t.Errorf("SampleTrials(n=%d) = %d trials; want none", n, len(got))
		}
	}
}

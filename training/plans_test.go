package training

import (
	"testing"

	"github.com/hyperlab-go/hyperlab/hparams"
)

// NewPlans plans every trial in order, and stops at the first that cannot
// run with NewPlan's own error for it.
func TestNewPlans(t *testing.T) {
	data := moonsSmall(t)
	vs := []hparams.Values{values(t, ParamBatchSize, 16), values(t, ParamBatchSize, 32)}
	ps, err := NewPlans(vs, data)
	if err != nil {
		t.Fatal(err)
	}
	if len(ps) != 2 || ps[0].Config.BatchSize != 16 || ps[1].Config.BatchSize != 32 {
		t.Fatalf("plans %+v, want batch sizes 16 and 32 in order", ps)
	}
	bad := values(t, ParamBatchSize, 4096)
	_, want := NewPlan(bad, data)
	if want == nil {
		t.Fatal("batch_size=4096 on 200 rows was accepted; the test needs a trial that cannot run")
	}
	ps, err = NewPlans(append(vs, bad, values(t, ParamBatchSize, 8192)), data)
	if err == nil || err.Error() != want.Error() || ps != nil {
		t.Errorf("NewPlans with a bad third trial: %v, %v; want no plans and %v", ps, err, want)
	}
}

package plotting

import (
	"reflect"
	"testing"

	"github.com/hyperlab-go/hyperlab/hparams"
)

func TestLogParams(t *testing.T) {
	spec, err := hparams.NewBuilder().
		Float("learning_rate", 0.01, "step size", hparams.Range(1e-5, 1), hparams.Log()).
		Int("batch_size", 32, "examples per step").
		Spec()
	if err != nil {
		t.Fatal(err)
	}
	if got := LogParams(spec); !reflect.DeepEqual(got, []string{"learning_rate"}) {
		t.Errorf("LogParams = %v, want [learning_rate]", got)
	}
	if got := LogParams(nil); got != nil {
		t.Errorf("LogParams(nil) = %v", got)
	}
}

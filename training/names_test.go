package training

import (
	"context"
	"strings"
	"testing"

	"github.com/hyperlab-go/hyperlab/datasets"
	"github.com/hyperlab-go/hyperlab/hparams"
)

// A Config that declares batch (for batch_size) is refused with the
// suggestion, before anything trains; marked as the user's own, it trains.
func TestUnknownNameRefused(t *testing.T) {
	type misspelt struct {
		Batch  int `hp:"batch" default:"500"`
		Epochs int `hp:"epochs" default:"1"`
	}
	_, err := Run(context.Background(), hparams.MustSpecOf(misspelt{}).Defaults(), moons(t))
	want := `training: "batch" is not a hyperparameter training uses; did you mean "batch_size"?`
	if err == nil || !strings.HasPrefix(err.Error(), want) {
		t.Fatalf("got %v\nwant an error beginning %q", err, want)
	}
	for _, name := range []string{"hidden", "dropout"} {
		spec := hparams.NewBuilder().Float(name, 0.9, "").MustSpec()
		if _, err := NewPlan(spec.Defaults(), moons(t)); err == nil || !strings.Contains(err.Error(), "did you mean") {
			t.Errorf("%s: got %v, want a refusal with a suggestion", name, err)
		}
	}

	type own struct {
		Batch  int `hp:"batch" default:"500" own:"true"`
		Epochs int `hp:"epochs" default:"1"`
	}
	h, err := Run(context.Background(), hparams.MustSpecOf(own{}).Defaults(), moons(t))
	if err != nil || len(h.Epochs) != 1 {
		t.Fatalf("with own:\"true\": %v", err)
	}
	built := hparams.NewBuilder().Int("batch", 500, "", hparams.Own()).Int(ParamEpochs, 1, "").MustSpec()
	if _, err := NewPlan(built.Defaults(), moons(t)); err != nil {
		t.Errorf("with hparams.Own(): %v", err)
	}
}

// The data names are known: they shape the data, not the model.
func TestDataNamesKnown(t *testing.T) {
	spec := hparams.NewBuilder().Int(datasets.ParamSize, 200, "").Float(datasets.ParamNoise, 0.1, "").
		Int(datasets.ParamSeed, 1, "").Float(datasets.ParamValidation, 0.2, "").Int(datasets.ParamClasses, 2, "").MustSpec()
	if _, err := NewPlan(spec.Defaults(), moons(t)); err != nil {
		t.Error(err)
	}
}

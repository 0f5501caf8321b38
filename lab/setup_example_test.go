package lab_test

import (
	"fmt"

	"github.com/hyperlab-go/hyperlab/datasets"
	"github.com/hyperlab-go/hyperlab/lab"
	"github.com/hyperlab-go/hyperlab/training"
)

// The set-up a notebook's Train and `hyperlab train --size=500` share: the
// dataset's defaults, the Values' data_* hyperparameters, then overrides
// (the CLI's flags) under the same names. The data options name the
// run-store folder, so both sides find the same runs.
func ExampleSetup() {
	v := training.Spec.Defaults()
	set := lab.Setup{Dataset: "moons", DataOverrides: map[string]float64{datasets.ParamSize: 500}, Runs: "hyperlab-runs"}
	o, split, err := set.Load(v)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(split.Train.Len(), split.Validation.Len(), o.Stratify)
	fmt.Println(lab.DataKey(set.Dataset, o))
	// Output:
	// 400 100 true
	// moons_n500_noise0.2_c0_seed1_val0.2_test0_norm
}

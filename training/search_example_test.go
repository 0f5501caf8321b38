package training_test

import (
	"fmt"

	"github.com/hyperlab-go/hyperlab/training"
)

// A search space from --space flags, checked against the standard Spec.
func ExampleParseDim() {
	var space []training.Dim
	for _, s := range []string{"learning_rate=1e-4:1", "fnn_num_hidden_nodes=2:64", "dropout_rate=0:0.5", "optimizer=adam,sgd"} {
		d, err := training.ParseDim(s)
		if err != nil {
			fmt.Println(err)
			return
		}
		space = append(space, d)
	}
	fmt.Println(training.CheckSearch(&training.Search{Base: training.Spec.Defaults(), Space: space, Trials: 40, Pruner: training.PrunerMedian}))
	bad := []training.Dim{{Name: training.ParamLearningRate, Low: 0, High: 1000}}
	fmt.Println(training.CheckSearch(&training.Search{Base: training.Spec.Defaults(), Space: bad, Trials: 40}))
	// Output:
	// <nil>
	// training: learning_rate is log-scaled, so its range must start above 0 (got 0)
}

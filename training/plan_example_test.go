package training_test

import (
	"fmt"
	"log"

	"github.com/hyperlab-go/hyperlab/datasets"
	"github.com/hyperlab-go/hyperlab/hparams"
	"github.com/hyperlab-go/hyperlab/training"
)

// A Plan checks a run before it starts and says what it will be.
func ExampleNewPlan() {
	data, err := datasets.Load("moons", datasets.Options{Size: 500, Noise: 0.2, Seed: 1})
	if err != nil {
		log.Fatal(err)
	}
	v, err := training.Spec.Defaults().With(training.ParamBatchSize, 64)
	if err != nil {
		log.Fatal(err)
	}
	p, err := training.NewPlan(v, data)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(p.StepsPerEpoch, "steps per epoch,", p.Steps(), "in all")
	fmt.Println(p.Params, "trainable parameters, loss", p.Loss)

	big, _ := v.With(training.ParamBatchSize, 5000)
	_, err = training.NewPlan(big, data)
	fmt.Println(err)
	// Output:
	// 7 steps per epoch, 210 in all
	// 354 trainable parameters, loss cross_entropy
	// training: batch_size=5000 is larger than the training set (400 rows); use at most 400
}

// A misspelt name is refused; a name the user's own code reads is marked
// as such.
func ExampleNewPlan_unknownName() {
	data, err := datasets.Load("moons", datasets.Options{Size: 200, Seed: 1})
	if err != nil {
		log.Fatal(err)
	}
	type config struct {
		Batch int `hp:"batch" default:"64"`
	}
	_, err = training.NewPlan(hparams.MustSpecOf(config{}).Defaults(), data)
	fmt.Println(err)

	type mine struct {
		Temperature float64 `hp:"temperature" default:"1" own:"true"`
	}
	_, err = training.NewPlan(hparams.MustSpecOf(mine{}).Defaults(), data)
	fmt.Println(err)
	// Output:
	// training: "batch" is not a hyperparameter training uses; did you mean "batch_size"? (if your own code reads it, declare it with hparams.Own() or the tag own:"true"; docs/hyperparameters.md lists training's names)
	// <nil>
}

func ExampleChoices() {
	for _, c := range training.Choices(training.ParamOptimizer) {
		fmt.Println(c.Name)
	}
	// Output:
	// sgd
	// momentum
	// adam
	// adamw
	// rmsprop
	// lion
}

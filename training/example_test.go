package training_test

import (
	"context"
	"fmt"
	"log"

	"github.com/hyperlab-go/hyperlab/datasets"
	"github.com/hyperlab-go/hyperlab/history"
	"github.com/hyperlab-go/hyperlab/hparams"
	"github.com/hyperlab-go/hyperlab/training"
)

func ExampleRun() {
	data, err := datasets.Load("moons", datasets.Options{Size: 500, Noise: 0.2, Seed: 1})
	if err != nil {
		log.Fatal(err)
	}
	v, err := training.Spec.Defaults().With("epochs", 20)
	if err != nil {
		log.Fatal(err)
	}
	h, err := training.Run(context.Background(), v, data, training.OnEpoch(func(e history.Epoch) {
		// A live chart would add a point here.
	}))
	if err != nil {
		log.Fatal(err)
	}
	last, _ := h.Last()
	fmt.Println(h.Status, "after", len(h.Epochs), "epochs of", last.Steps, "steps")
	fmt.Println(h.Params(), "trainable parameters")
	fmt.Println("validation accuracy above 0.9:", last.ValAccuracy > 0.9)
	// Output:
	// finished after 20 epochs of 13 steps
	// 354 trainable parameters
	// validation accuracy above 0.9: true
}

func ExampleConfig_Layers() {
	c := training.DefaultConfig()
	c.HiddenSizes = []int{128} // overrides fnn_num_hidden_layers and fnn_num_hidden_nodes
	for _, l := range c.Layers(784, 10) {
		fmt.Printf("%-8s W %d×%d = %d, B %d\n", l.Name, l.Inputs, l.Outputs, l.Weights, l.Biases)
	}
	// Output:
	// hidden_1 W 784×128 = 100352, B 128
	// output   W 128×10 = 1280, B 10
}

func ExampleSchedule_At() {
	c := training.DefaultConfig()
	c.LearningRate, c.LRSchedule, c.LRWarmupEpochs, c.Epochs = 0.1, "cosine", 1, 5
	s := training.NewSchedule(c, 10) // 10 steps per epoch
	for _, step := range []int{0, 4, 9, 10, 30, 49} {
		fmt.Printf("step %2d: %.4f\n", step, s.At(step))
	}
	// Output:
	// step  0: 0.0100
	// step  4: 0.0500
	// step  9: 0.1000
	// step 10: 0.1000
	// step 30: 0.0500
	// step 49: 0.0002
}

func ExampleDecisionBoundary() {
	data, err := datasets.Load("xor", datasets.Options{Size: 400, Noise: 0.1, Seed: 2})
	if err != nil {
		log.Fatal(err)
	}
	v, err := training.Spec.Defaults().With("epochs", 40)
	if err != nil {
		log.Fatal(err)
	}
	var b training.Boundary
	if _, err := training.Run(context.Background(), v, data, training.DecisionBoundary(&b, 30)); err != nil {
		log.Fatal(err)
	}
	// A chart colours each grid point by its class.
	count := map[int]int{}
	for _, c := range b.Class {
		count[c]++
	}
	fmt.Printf("%d×%d grid, %d classes predicted, each on more than a quarter: %v\n",
		len(b.Xs), len(b.Ys), len(count), count[0] > 225 && count[1] > 225)
	// Output:
	// 30×30 grid, 2 classes predicted, each on more than a quarter: true
}

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

func ExampleMeasureBatchCost() {
	data, err := datasets.Load("moons", datasets.Options{Size: 1000, Noise: 0.2, Seed: 1})
	if err != nil {
		log.Fatal(err)
	}
	costs, err := training.MeasureBatchCost(context.Background(), training.Spec.Defaults(), data,
		[]int{16, 128}, training.BatchCostOptions{Epochs: 2})
	if err != nil {
		log.Fatal(err)
	}
	for _, c := range costs {
		// Seconds depend on the machine; steps do not.
		fmt.Printf("batch %3d: %2d steps per epoch\n", c.BatchSize, c.StepsPerEpoch)
	}
	fmt.Println("the larger batch allocates more per step:", costs[1].StepBytes > costs[0].StepBytes)
	// Output:
	// batch  16: 50 steps per epoch
	// batch 128:  7 steps per epoch
	// the larger batch allocates more per step: true
}

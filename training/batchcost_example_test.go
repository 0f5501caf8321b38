package training_test

import (
	"context"
	"fmt"
	"log"

	"github.com/hyperlab-go/hyperlab/datasets"
	"github.com/hyperlab-go/hyperlab/training"
)

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

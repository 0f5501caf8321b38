package training_test

import (
	"context"
	"fmt"
	"log"
	"os"

	"github.com/hyperlab-go/hyperlab/datasets"
	"github.com/hyperlab-go/hyperlab/history"
	"github.com/hyperlab-go/hyperlab/training"
)

func ExampleSeeds() {
	v, _ := training.Spec.Defaults().With(training.ParamLearningRate, 0.1)
	vs, err := training.Seeds(v, 3)
	if err != nil {
		log.Fatal(err)
	}
	for _, s := range vs {
		fmt.Println(s.Int(training.ParamSeed), s.Float(training.ParamLearningRate))
	}
	// Output:
	// 1 0.1
	// 2 0.1
	// 3 0.1
}

// A group of three seeds: the best epoch is judged on the seed mean.
func ExampleRunSeeds() {
	data, err := datasets.Load("moons", datasets.Options{Size: 300, Noise: 0.2, Seed: 1, Validation: 0.2})
	if err != nil {
		log.Fatal(err)
	}
	v, _ := training.Spec.Defaults().With(training.ParamEpochs, 5)
	g, err := training.RunSeeds(context.Background(), v, 3, data)
	if err != nil {
		log.Fatal(err)
	}
	epoch, best, _ := g.Best()
	fmt.Println("seeds:", g.Seeds, "runs:", len(g.Runs))
	fmt.Println("best epoch in 1..5:", epoch >= 1 && epoch <= 5, "seeds averaged:", best.N)
	fmt.Println("final val loss has a spread:", g.Final(history.ValLoss).SD > 0)
	// Output:
	// seeds: [1 2 3] runs: 3
	// best epoch in 1..5: true seeds averaged: 3
	// final val loss has a spread: true
}

// A sweep's rows over seeds, gathered back into groups with mean ± s.d.
func ExampleResults_Groups() {
	row := func(lr float64, seed int, val float64) training.Row {
		h := &history.History{Status: history.Finished, Epochs: []history.Epoch{{Epoch: 1, TrainLoss: val, ValLoss: val, ValAccuracy: 1 - val}}}
		return training.NewRow(0, "", map[string]any{training.ParamLearningRate: lr, training.ParamSeed: seed}, h, 0)
	}
	res := training.NewResults([]training.Row{row(0.1, 1, 0.30), row(0.1, 2, 0.32), row(1, 1, 0.50), row(1, 2, 0.56)})
	for _, g := range res.Groups() {
		fmt.Println(g.Values[training.ParamLearningRate], g.Seeds, training.MeanSD(g.ValLoss))
	}
	_ = res.WriteGroupsText(os.Stdout)
	// Output:
	// 0.1 [1 2] 0.31 ± 0.014
	// 1 [1 2] 0.53 ± 0.042
	// learning_rate=0.1: 2 seeds; train loss 0.31 ± 0.014, val loss 0.31 ± 0.014, best val loss 0.31 ± 0.014 (best epoch of the mean: 1), val accuracy 0.69 ± 0.014
	// learning_rate=1: 2 seeds; train loss 0.53 ± 0.042, val loss 0.53 ± 0.042, best val loss 0.53 ± 0.042 (best epoch of the mean: 1), val accuracy 0.47 ± 0.042
}

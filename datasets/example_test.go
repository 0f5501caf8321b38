package datasets_test

import (
	"fmt"

	"github.com/hyperlab-go/hyperlab/datasets"
)

// Generate two moons and split them for training.
func ExampleMoons() {
	d := datasets.Moons(1000, 0.1, 42)
	s, err := datasets.SplitFractions(d, 0.2, 0.1, 42)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(d.Name, d.Task, d.NumFeatures, "features,", d.NumClasses, "classes")
	fmt.Println("train", s.Train.Len(), "validation", s.Validation.Len(), "test", s.Test.Len())
	// Output:
	// moons classification 2 features, 2 classes
	// train 700 validation 200 test 100
}

// Load picks a dataset by name, as a notebook cell or the command line does.
func ExampleLoad() {
	s, err := datasets.Load("spirals", datasets.Options{Size: 600, Classes: 3, Noise: 0.05, Seed: 1, Normalize: true})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(s.Train.Len(), s.Validation.Len(), s.Train.ClassNames)
	_, err = datasets.Load("moon", datasets.Options{})
	fmt.Println(err)
	// Output:
	// 480 120 [0 1 2]
	// datasets: unknown dataset "moon"; did you mean "moons"? (known: moons, circles, spirals, xor, blobs, sine, poly, mnist, or a path ending in .csv)
}

// The grid a decision-boundary chart colours.
func ExampleGrid2D() {
	d := datasets.XOR(100, 0, 1)
	xs, ys, points := datasets.Grid2D(d, 50, 0.25)
	fmt.Println(len(xs), len(ys), len(points)/2, "points")
	// Output:
	// 50 50 2500 points
}

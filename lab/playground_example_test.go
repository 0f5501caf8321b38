package lab_test

import (
	"context"
	"flag"
	"fmt"

	"github.com/hyperlab-go/hyperlab/lab"
)

// In a notebook, Playground shows sliders for learning_rate and epochs
// above the loss chart and the decision boundary, and retrains as they
// move. Outside one (here, go test) no front-end answers: it trains the
// starting point, with its decision boundary on a 2-D set, and returns it.
func ExamplePlaygroundErr() {
	hp := lab.DeclareOn(flag.NewFlagSet("cell", flag.ContinueOnError), Config{})
	v := lab.Set(hp.Values(), "epochs", 3)
	r, err := lab.PlaygroundErr(context.Background(), v, "moons",
		lab.Only("learning_rate", "epochs"), lab.Range("epochs", 1, 50), lab.TrainWith(lab.Runs("")))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(r.Status, len(r.Epochs), "epochs; boundary cells:", len(r.Boundary.Class))

	_, err = lab.PlaygroundErr(context.Background(), v, "moons", lab.Only("epochs"))
	fmt.Println(err)
	// Output:
	// finished 3 epochs; boundary cells: 1600
	// lab: epochs has no declared minimum and maximum, so its slider has no ends; give them with lab.Range("epochs", min, max)
}

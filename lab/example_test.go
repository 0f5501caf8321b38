package lab_test

import (
	"flag"

	"github.com/hyperlab-go/hyperlab/lab"
)

// Config is what a notebook's declaration cell declares (the README's).
type Config struct {
	LearningRate float64 `hp:"learning_rate" default:"0.01" min:"1e-5" max:"10" scale:"log" help:"size of each weight update"`
	Epochs       int     `hp:"epochs" default:"10" min:"1" help:"passes over the training set"`
}

// In a notebook, `var hp = lab.Declare(Config{})` binds the flags to the
// cell's arguments; here a FlagSet stands in for the cell
// `%% --learning_rate=0.3 --set="epochs=7"`. Outside a notebook Show prints
// text, changed values marked with "*".
func ExampleDeclareOn() {
	fs := flag.NewFlagSet("cell", flag.ExitOnError)
	hp := lab.DeclareOn(fs, Config{})
	fs.Parse([]string{"--learning_rate=0.3", "--set=epochs=7"})
	v := hp.Show()
	_ = v.Float("learning_rate") // 0.3
	// Output:
	//   name           value  default  allowed          help
	// * learning_rate  0.3    0.01     1e-05..10 (log)  size of each weight update
	// * epochs         7      10       >= 1             passes over the training set
}

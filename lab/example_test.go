package lab_test

import (
	"flag"

	"github.com/hyperlab-go/hyperlab/lab"
)

// Config is what a notebook's declaration cell declares (the README's).
type Config struct {
	LearningRate float64 `hp:"learning_rate" default:"0.01" min:"1e-5" max:"10" scale:"log" help:"size of each weight update"`
	Epochs       int     `hp:"epochs" default:"10" min:"1" help:"passes over the training set"`
	BatchSize    int     `hp:"batch_size" default:"32" min:"1" max:"4096" help:"examples per weight update"`
	HiddenLayers int     `hp:"fnn_num_hidden_layers" default:"2" min:"0" max:"8" help:"number of hidden layers"`
	HiddenNodes  int     `hp:"fnn_num_hidden_nodes" default:"16" min:"1" max:"1024" help:"units in each hidden layer"`
	Optimizer    string  `hp:"optimizer" default:"adam" choices:"sgd,momentum,adam,rmsprop,lion" help:"how a gradient becomes a step"`
	DropoutRate  float64 `hp:"dropout_rate" default:"0" min:"0" max:"0.9" help:"fraction of hidden units switched off per step"`
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
	//   name                   value  default  allowed                                 help
	// * learning_rate          0.3    0.01     1e-05..10 (log)                         size of each weight update
	// * epochs                 7      10       >= 1                                    passes over the training set
	//   batch_size             32     32       1..4096                                 examples per weight update
	//   fnn_num_hidden_layers  2      2        0..8                                    number of hidden layers
	//   fnn_num_hidden_nodes   16     16       1..1024                                 units in each hidden layer
	//   optimizer              adam   adam     sgd | momentum | adam | rmsprop | lion  how a gradient becomes a step
	//   dropout_rate           0      0        0..0.9                                  fraction of hidden units switched off per step
}

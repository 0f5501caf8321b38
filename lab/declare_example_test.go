package lab_test

import (
	"flag"
	"fmt"

	"github.com/hyperlab-go/hyperlab/lab"
)

// hp is the README's declaration, at package level as in a notebook's
// declaration cell: its flags exist before anything parses arguments.
var hp = lab.Declare(Config{})

// Declare defines one flag per hyperparameter (plus -set and -config) on
// flag.CommandLine, where GoNB passes a `%%` cell's arguments. A later cell
// `%% --learning_rate=0.3` sets the flag; flag.Set stands in for it here.
// Outside a notebook Show prints text, changed values marked with "*".
func ExampleDeclare() {
	flag.Set("learning_rate", "0.3")
	v := hp.Show()
	fmt.Println(v.Float("learning_rate"), v.Int("epochs"))
	// Output:
	//   name                   value  default  allowed                                 help
	// * learning_rate          0.3    0.01     1e-05..10 (log)                         size of each weight update
	//   epochs                 10     10       >= 1                                    passes over the training set
	//   batch_size             32     32       1..4096                                 examples per weight update
	//   fnn_num_hidden_layers  2      2        0..8                                    number of hidden layers
	//   fnn_num_hidden_nodes   16     16       1..1024                                 units in each hidden layer
	//   optimizer              adam   adam     sgd | momentum | adam | rmsprop | lion  how a gradient becomes a step
	//   dropout_rate           0      0        0..0.9                                  fraction of hidden units switched off per step
	// 0.3 10
}

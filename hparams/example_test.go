package hparams_test

import (
	"flag"
	"fmt"
	"strings"

	"github.com/hyperlab-go/hyperlab/hparams"
)

// Config is how a notebook declares its hyperparameters once.
type Config struct {
	LearningRate float64 `hp:"learning_rate" default:"0.01" min:"1e-5" max:"10" scale:"log" help:"step size of the optimizer"`
	Epochs       int     `hp:"epochs" default:"10" min:"1" max:"1000" help:"passes over the training data"`
	Optimizer    string  `hp:"optimizer" default:"adam" choices:"sgd,adam,adamw" help:"update rule"`
	Hidden       []int   `hp:"fnn_hidden" default:"64,32" min:"1" help:"units per hidden layer"`
	Shuffle      bool    `hp:"shuffle" default:"true" help:"shuffle every epoch"`
}

func ExampleSpecOf() {
	spec, err := hparams.SpecOf(Config{})
	if err != nil {
		fmt.Println(err)
		return
	}
	v := spec.Defaults()
	fmt.Println(v.Float("learning_rate"), v.Int("epochs"), v.String("optimizer"), v.Ints("fnn_hidden"), v.Bool("shuffle"))
	// Output: 0.01 10 adam [64 32] true
}

func ExampleNewBuilder() {
	spec, err := hparams.NewBuilder().
		Float("learning_rate", 0.01, "step size of the optimizer", hparams.Range(1e-5, 10), hparams.Log()).
		Int("epochs", 10, "passes over the training data", hparams.Range(1, 1000)).
		String("optimizer", "adam", "update rule", hparams.Choices("sgd", "adam", "adamw")).
		Ints("fnn_hidden", []int{64, 32}, "units per hidden layer", hparams.Min(1)).
		Bool("shuffle", true, "shuffle every epoch").
		Spec()
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(spec.Equal(hparams.MustSpecOf(Config{})))
	for _, p := range spec.Params() {
		fmt.Printf("%s (%v): %s\n", p.Name, p.Kind, p.Allowed())
	}
	// Output:
	// true
	// learning_rate (float): 1e-05..10 (log)
	// epochs (int): 1..1000
	// optimizer (string): sgd | adam | adamw
	// fnn_hidden (ints): each >= 1
	// shuffle (bool): true | false
}

func ExampleSpec_Flags() {
	spec := hparams.MustSpecOf(Config{})
	fs := flag.NewFlagSet("cell", flag.ContinueOnError)
	hpFlags := spec.Flags(fs) // in a notebook: spec.Flags(flag.CommandLine)
	if err := fs.Parse([]string{"--learning_rate=0.3", "-epochs", "50"}); err != nil {
		fmt.Println(err)
		return
	}
	v, err := hpFlags.Values()
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(v.Float("learning_rate"), v.Int("epochs"), v.Changed())

	// A bad value does not stop flag parsing; Values reports every problem.
	fs = flag.NewFlagSet("cell", flag.ContinueOnError)
	hpFlags = spec.Flags(fs)
	_ = fs.Parse([]string{"--learning_rate=-1", "--optimizer=adm"})
	_, err = hpFlags.Values()
	fmt.Println(err)
	// Output:
	// 0.3 50 [learning_rate epochs]
	// hparams: learning_rate=-1 is below its minimum 1e-05
	// hparams: optimizer="adm" is not one of sgd | adam | adamw; did you mean "adam"?
}

func ExampleSpec_Parse_set() {
	spec := hparams.MustSpecOf(Config{})
	v, err := spec.Parse([]string{`--set=learning_rate=0.3;epochs=50;optimizer="sgd"`})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(v)
	// Output: learning_rate=0.3 epochs=50 optimizer=sgd fnn_hidden=64,32 shuffle=true
}

func ExampleTable_Text() {
	spec := hparams.MustSpecOf(Config{})
	v, err := spec.Parse([]string{"--learning_rate=0.3", `--set=epochs=7`})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Print(v.Table().Text())
	// Output:
	//   name           value  default  allowed             help
	// * learning_rate  0.3    0.01     1e-05..10 (log)     step size of the optimizer
	// * epochs         7      10       1..1000             passes over the training data
	//   optimizer      adam   adam     sgd | adam | adamw  update rule
	//   fnn_hidden     64,32  64,32    each >= 1           units per hidden layer
	//   shuffle        true   true     true | false        shuffle every epoch
}

func ExampleSpec_Grid() {
	spec := hparams.MustSpecOf(Config{})
	axes := map[string][]any{
		"learning_rate": {0.001, 0.1},
		"optimizer":     {"sgd", "adam"},
	}
	fmt.Println("trials:", hparams.GridSize(axes))
	trials, err := spec.Grid(spec.Defaults(), axes)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, v := range trials {
		fmt.Println(v.Float("learning_rate"), v.String("optimizer"), v.Hash())
	}
	// Output:
	// trials: 4
	// 0.001 sgd 3b2f1ec49d38
	// 0.001 adam fc35a29602ec
	// 0.1 sgd b22e1bd24cc6
	// 0.1 adam 0c4d5f41cb54
}

func ExampleSignificant() {
	a, b := 0.1, 0.2
	fmt.Println(a+b, hparams.Significant(a+b, 10))
	fmt.Println(hparams.Significant(0.0054703548354713076, 4), hparams.Significant(123456, 2))
	// Output:
	// 0.30000000000000004 0.3
	// 0.00547 120000
}

// The changes from the defaults as name=value pairs, and a run read back
// from a store (JSON numbers, a list as []any, a name it lacks).
func ExamplePairs() {
	spec := hparams.MustSpecOf(Config{})
	v, err := spec.Parse([]string{"--learning_rate=0.3", "--fnn_hidden=8"})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(strings.Join(hparams.Pairs(v.Map(), v.Changed()), ", "))
	stored := map[string]any{"epochs": 50.0, "fnn_hidden": []any{8.0, 4.0}}
	fmt.Println(strings.Join(hparams.Pairs(stored, []string{"epochs", "fnn_hidden", "dropout"}), " "))
	// Output:
	// learning_rate=0.3, fnn_hidden=8
	// epochs=50 fnn_hidden=8,4 dropout=
}

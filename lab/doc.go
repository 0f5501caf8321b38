// Package lab is the notebook facade of hyperlab: the few calls a GoNB
// notebook cell makes. It may import every other hyperlab package.
//
// A declaration cell declares the hyperparameters once, at package level, so
// that their flags exist before GoNB's generated main calls flag.Parse:
//
//	type Config struct {
//		LearningRate float64 `hp:"learning_rate" default:"0.01" min:"1e-5" max:"10" scale:"log" help:"step size"`
//		Epochs       int     `hp:"epochs" default:"10" min:"1" help:"passes over the training set"`
//	}
//
//	var hp = lab.Declare(Config{})
//
// A later cell takes its overrides as cell arguments, in either syntax, and
// shows them (changed values highlighted):
//
//	%% --learning_rate=0.3 --set="epochs=7"
//	v := hp.Show()
//
// # Errors in notebooks
//
// A notebook user must never see a Go stack trace for their own mistake. The
// notebook functions of this package (Declare, Values, Show, Decode, Check)
// therefore end the cell's program on a mistake: they print the error, one
// sentence per problem, to standard error and exit with status 1. The
// notebook shows just those sentences. Programs that want errors returned use
// package hparams directly.
//
// Outside a notebook (go test, the CLI) displays print plain text to standard
// output instead of HTML.
package lab

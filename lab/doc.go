// Package lab is the notebook facade of hyperlab: the few calls a GoNB
// notebook cell makes. It may import every other hyperlab package. The
// tutorials in notebooks/ are built on it; ExampleDeclare, ExampleDeclareOn
// and ExampleSummary show the calls outside a notebook.
//
// # Declare, then override from the cell
//
// A declaration cell declares the hyperparameters once, at package level, so
// that their flags exist before GoNB's generated main calls flag.Parse:
//
//	type Config struct {
//		LearningRate float64 `hp:"learning_rate" default:"0.01" min:"1e-5" max:"10" scale:"log" help:"size of each weight update"`
//		Epochs       int     `hp:"epochs" default:"10" min:"1" help:"passes over the training set"`
//	}
//
//	var hp = lab.Declare(Config{})
//
// Declare also takes an *hparams.Builder (a quick declaration without a
// struct) or an *hparams.Spec; DeclareOn binds the flags to a FlagSet of
// the caller's. A later cell takes overrides as cell arguments, one flag per
// name or GoMLX's --set list, and reads them: hp.Values() (typed getters),
// hp.Decode(&cfg) (fills the struct), hp.Show() (the table, changed values
// highlighted). hp.Spec().Defaults() are the values without overrides; Set
// returns Values with one value changed.
//
//	%% --learning_rate=0.3 --set="epochs=7"
//	hp.Show()
//
// # Train and compare
//
// Train(v, "moons") trains a model with Values v on a dataset of
// datasets.Names and returns a *Run (its History embedded). In a notebook it
// draws the loss per epoch under the cell while it trains, then a line of
// numbers. Options: Quiet (no display, for a later Compare), Label, Title,
// LogY, Data (dataset options), Boundary and Weights (keep the decision
// boundary or the weights for ShowBoundaries and ShowWeights), NoCache,
// Runs (another store) and AllowLarge (models above training.DefaultLimits).
// TrainErr is Train for Go code: a context, and the error returned.
//
// Compare(runs...) draws the runs' validation loss on one chart, labelled by
// the hyperparameters that differ, and their Summary table below;
// CompareBy and Overlay take plotting.CompareOptions.
//
// # Playground
//
// Playground(v, "moons", Only(...), Range(...)) shows one control per
// hyperparameter (sliders, selects, checkboxes, built from the
// declaration) above the loss per epoch and the decision boundary; a move
// retrains, or reads the run from the store, and redraws in place. It ends
// on Done or IdleAfter and saves what it shows; without a front-end it
// shows the starting point and returns.
//
// # Show helpers
//
// ShowLoss (one run), ShowSteps, ShowStepsBy and StepNoise (per-step loss;
// ShowStepsBy can count epochs on the x axis, for runs of different batch
// sizes), ShowFit (a run at three moments), ShowParams (parameter counts),
// ShowWeights (weights before and after), ShowBoundaries (decision
// boundaries side by side), ShowSchedules (learning-rate schedules before
// training), ShowDescent and Descent (gradient descent on a 2-D surface of
// package surface, each path's regime tabulated), and Table.Show for any
// table of numbers. Display shows HTML in a notebook and text
// elsewhere.
//
// # Searches
//
// Grid(base, dataset, axes) and RandomSearch(base, dataset, n, seed, names...)
// train many configurations and return a *SweepResult: ShowTable, ShowSlice,
// ShowHeatmap (ShowHeatmapIn anchors its colour scale), ShowParallel,
// BestSummary. SweepErr is the Go-code form.
// FindLR runs the learning-rate range test and shows the suggested rate;
// FindLRErr returns it without a display.
//
// # The run store
//
// A run is kept under RunsDir(): $HYPERLAB_RUNS when set, else the runs
// folder next to the notebook ($GONB_DIR/runs) in GoNB, else nowhere (outside
// a notebook every run trains). A run with the same hyperparameters (seed
// included) on the same data is read back instead of trained again, so a
// re-run cell, or a cell that compares runs trained by earlier cells, is
// instant. NoCache trains anyway. Each dataset (with its options) has a
// folder of its own under that root, DataKey, holding one folder per run.
//
// Setup is this set-up of data, run store and size guard in one value; the
// hyperlab command line builds its own from its flags, so a notebook and
// `hyperlab train --runs DIR` pointed at one root reuse each other's runs.
//
// # Errors in notebooks
//
// A notebook user must never see a Go stack trace for their own mistake. The
// notebook functions (Declare, Values, Show, Decode, Set, Train, Compare,
// Grid, FindLR, ...) therefore end the cell's program on a mistake: they
// print the error, one sentence per problem that names the culprit and what
// to change, to standard error and exit with status 1, as Check does. The
// notebook shows just those sentences. Go code that wants errors returned
// uses TrainErr, SweepErr, FindLRErr or package hparams directly.
//
// Outside a notebook (go test, the CLI) displays print plain text to standard
// output instead of HTML.
package lab

// Package hparams declares hyperparameters once and turns user input into
// validated values: the first cell of every hyperlab notebook.
//
// A Spec declares each hyperparameter's name (GoMLX's context parameter name
// where GoMLX has one: learning_rate, optimizer, dropout_rate, ...), kind
// (float64, int, bool, string or []int), default, help text and optional
// constraints: an inclusive range, a log scale, a list of choices. It is made
// from a tagged struct (SpecOf) or a Builder; both give Equal Specs.
//
// Values hold one valid value per hyperparameter. They come from a Spec's
// defaults overridden, in increasing priority, by a JSON file and by
// command-line arguments, in two syntaxes:
//
//	%% --learning_rate=0.3 --epochs=50
//	%% --set="learning_rate=0.3;epochs=50"
//
// Spec.Parse reads such arguments; Spec.Flags wires them into a flag.FlagSet
// (GoNB calls flag.Parse with a cell's arguments), validating only when
// Flags.Values is called so that one error lists every problem. Errors are
// sentences naming the hyperparameter, the bad value and what is allowed:
//
//	hparams: learning_rate=-1 is below its minimum 1e-05
//	hparams: optimizer="adm" is not one of sgd | adam; did you mean "adam"?
//
// Functions that can find several problems return an Errors, a list.
//
// From Values: typed getters (a name the Spec lacks, or of another kind,
// gives the zero value; Has and the ...OK getters tell), a map for GoMLX's ctx.SetParams (GoMLXParams),
// JSON, a short stable Hash (the run store's key), and a Table rendered as
// text or escaped HTML with changed values highlighted. From a Spec: search
// spaces (Grid, whose size GridSize tells in advance, and Random).
//
// The package imports only the standard library. Specs and Values are
// immutable and safe for concurrent use.
package hparams

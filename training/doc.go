// Package training is hyperlab's bridge to GoMLX: it builds a multi-layer
// perceptron from hyperparameters, trains it on a datasets.Split with the
// pure-Go simplego backend, and records what happened, epoch by epoch, as a
// plain history.History.
//
// Every hyperparameter of the article is a real knob here, named as GoMLX
// names it where GoMLX has a name (see Spec and Config):
//
//   - the model: fnn_num_hidden_layers × fnn_num_hidden_nodes, or explicit
//     hidden_layers sizes; activation; dropout_rate (active only while
//     training); l2_regularization and l1_regularization (added to the loss);
//   - the loss: cross_entropy on classification, mse, mae or huber on
//     regression, and mse on a classifier's softmax probabilities;
//   - the optimizer: sgd, momentum, adam, adamw, rmsprop, lion with
//     learning_rate, momentum, adam_beta1, adam_beta2, adam_epsilon,
//     weight_decay, lion_beta1, lion_beta2 (Lion wants a learning rate
//     3-10× below Adam's, such as 0.003);
//   - the learning-rate schedule: constant, step, exponential, cosine, with
//     lr_warmup_epochs; the rate actually used is recorded per epoch;
//   - the loop: epochs, batch_size, shuffle, seed, early stopping
//     (early_stopping_patience, early_stopping_min_delta).
//
// docs/hyperparameters.md (Reference) lists every name with its type,
// default, range or choices and GoMLX counterpart; code refers to them by
// the constants ParamLearningRate, ParamEpochs, ... The choices of
// optimizer, activation, loss and lr_schedule each come from one registry
// (Choices); an unknown choice is refused with a suggestion.
//
// Run is the entry point; NewPlan checks a run before it starts (Run,
// FindLR and EstimateRuns start from one). Values from any hparams.Spec are
// accepted: names this package knows are read from them, undeclared ones
// keep Spec's defaults, and a declared name it does not know is refused as
// a probable misspelling ("batch" for batch_size) unless the declaration
// marks it as the user's own (hparams.Own, the tag own:"true"); own names
// are handed to the GoMLX context as they are.
//
// A run ends Finished (all epochs, or early stopping), Diverged (a loss
// became NaN or Inf, or a step loss grew DivergenceFactor times past the
// first one; the epochs before stay in the History, followed by the partial
// epoch in which it happened), Cancelled (the context.Context was
// cancelled; the run stops after the current step and keeps its finished
// epochs and every step loss) or with an error. Errors are sentences
// that say what to change ("training: batch_size=512 is larger than the
// training set (300 rows); use at most 300"); panics inside GoMLX are
// recovered here and returned as errors.
//
// What an epoch records (history.Epoch): TrainLoss is the mean over the
// epoch's rows of the loss each step optimised (regularization included,
// dropout active); TrainAccuracy counts the same steps' predictions;
// ValLoss (regularization included, as in Keras), ValAccuracy or ValError
// (mean absolute error, regression) come from a pass over the validation
// split without dropout; LearningRate is the rate of the epoch's last step.
//
// The partial last batch of an epoch is padded to batch_size and masked out
// of the loss, so one compiled graph serves every step and every row is seen
// once per epoch: an epoch has ceil(rows/batch_size) steps.
//
// Options add callbacks (OnEpoch, OnStep with StepEvery), a run store
// (Store, NoCache, Reused: a finished run with the same RunID, the same
// Values on the same data, is loaded instead of trained), a decision
// boundary over a 2-D dataset (DecisionBoundary) and the weights before
// and after training (WeightSnapshots), as plain data.
//
// The loop is this package's own, over context.Exec, rather than GoMLX's
// train.Trainer: it feeds the scheduled learning rate and the padding mask
// with every batch and reads back every step's loss (divergence,
// cancellation, StepLoss). A step costs the same as through train.Trainer,
// within measurement noise (BenchmarkStepMNIST versus
// BenchmarkTrainerStepMNIST). It runs on GoMLX's pure-Go simplego backend
// unless GOMLX_BACKEND names another one the program imports.
package training

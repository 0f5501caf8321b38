// Package history holds what a training run leaves behind, as plain Go data:
// one Epoch per finished epoch, the per-step losses, the run's Status, and the
// trainable-parameter counts per layer. Beside them sit the statistics over
// runs (Summarize, MeanCurve, Median) and the one text of a metric (Format,
// Milliseconds), which every reader of metrics shares.
//
// It imports only the standard library, so training (which fills it),
// runstore (which saves it) and plotting (which draws it) can each be tested
// without the others.
package history

// Package badinput holds the user-facing bad-input corpus of hyperlab: one
// table of mistakes a user can make, each fed through the public API (the
// hparams parser, the hyperlab command, dataset loading, the run store,
// training.Run and the notebook facade lab), each of which must end in one
// sentence that names the culprit and the fix, and never in a panic.
//
// The per-package tables (hparams, datasets, runstore, cmd/hyperlab) test
// each package's own messages in depth; this corpus checks what a user
// sees across the packages. It has no non-test code.
package badinput

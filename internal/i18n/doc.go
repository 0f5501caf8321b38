// Package i18n is the one message catalog of what hyperlab shows a reader:
// chart titles, axis names, legend and marker labels, table headers, run
// summaries and the one-sentence errors of lab. English is the default and
// the key of every message; a Chinese translation ("zh") is looked up by the
// English text, and a missing one falls back to the English (the tests of
// this package list every message written in the code without a
// translation, and fail).
//
// The language is a process-wide setting: Set (lab.Language calls it), or
// else the environment variable HYPERLAB_LANG (the Chinese notebooks set it
// with GoNB's %env), or else English.
//
// Messages are written in the code as i18n.T("Loss per epoch") or, with
// arguments, i18n.Tf("Best of %d trials", n): the text is the English
// message and the catalog key, so the code reads as before and the tests
// find every message by reading the source.
//
// Errors coming from hparams and training are not in the catalog one by
// one: Sentence translates the common patterns of the sentences lab shows
// (see errors.go for the list: unknown names, "did you mean", out of range,
// not a number or a whole number, not one of the choices, what a
// hyperparameter takes, bad flag syntax) and leaves any other sentence in
// English.
//
// The package imports only the standard library, so every package may use
// it (plotting and lab do; hparams and training stay in English).
package i18n

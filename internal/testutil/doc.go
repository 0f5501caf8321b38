// Package testutil holds the helpers that the tests of several packages
// share, so that each is written once: golden files (Golden and the -update
// flag), a hostile CSV for escaping tests (Evil, HostileCSV), a CSV that
// wants regression (RegressionCSV), a file written or the test ended
// (WriteFile), a named pipe a reader must refuse (Mkfifo), a call that
// turns a panic into a test failure (NoPanic), the wantErr check of a table
// test (ErrCase), a JSON file read or the test ended (ReadJSON), the ink and
// colours of an image (Histogram), a started command whose output a test
// reads line by line (Start), a Go command built once for tests that run
// it as a process (Command), and the skip that fails under CI=true when a
// tool a test needs is missing (Require).
//
// It imports only the standard library, so the tests of every package,
// hparams and history included, may use it; only _test.go files and the
// test-support package internal/browsertest import it.
package testutil

// Command hyperlab trains small GoMLX models from hyperparameters, runs
// sweeps over them, finds a learning rate, and writes standalone HTML
// reports, with no Jupyter needed.
//
//	hyperlab demo                      # the main job: a small sweep on moons, a report
//	hyperlab train  [flags] [hyperparameters]
//	hyperlab sweep  --grid learning_rate=0.001,0.01,0.1 --grid batch_size=16,64 [flags]
//	hyperlab lr-find [flags] [hyperparameters]
//	hyperlab report --runs DIR [--out report.html]   # reads only; HTML only with --out
//
// Hyperparameters are set as in notebooks: one flag per hyperparameter
// (--learning_rate=0.3), GoMLX's --set="learning_rate=0.3;epochs=50", or
// --config file.json. `hyperlab <command> --help` lists them with their
// defaults, ranges and help.
//
// Every command sets up its data, run store and size guard through
// lab.Setup, as a notebook's lab.Train does: the same hyperparameters on
// the same dataset give the same split and run ID. --runs (default
// hyperlab-runs) is a root holding one folder per dataset and its options,
// the layout of a notebook's runs folder, so pointing a notebook
// (HYPERLAB_RUNS) and the command line at one root shares their runs.
//
// Exit codes: 0 when the command did its job; 1 when a run failed: train
// when its run diverged or failed, sweep when a trial failed, no trial
// finished or it was interrupted, lr-find when the test could not run, report when the store
// cannot be read; 2 for a usage error (an unknown flag, a bad value), which
// is reported as one sentence.
//
// A sweep is split across processes or machines with --shard i/n, or with
// --shards n inside a Kubernetes Indexed Job (the shard index comes from
// JOB_COMPLETION_INDEX); all shards write to one --runs directory and
// `hyperlab report` merges them. See docs/kubernetes.md.
//
// Ctrl-C or SIGTERM stops a command: training ends its step and saves
// what it has; a command that has not stopped 3 s later (or at a second
// signal) exits with code 1. CSV data takes --label COLUMN and
// --task regression for a numeric target.
package main

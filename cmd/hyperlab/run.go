package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"

	"github.com/hyperlab-go/hyperlab/training"
)

// Exit codes.
const (
	exitOK      = 0
	exitFailure = 1 // a run failed, diverged, or could not be read
	exitUsage   = 2 // the command line is wrong
)

// command is one subcommand: its one-line summary for `hyperlab help`, the
// text its --help opens with, and its body, which gets the command's flag
// set (named and introduced from here) and returns an exit code.
type command struct {
	summary string
	intro   string
	run     func(ctx context.Context, c *cli, args []string, env *env) int
}

var commands = map[string]command{
	"demo": {
		summary: "a small learning_rate × batch_size sweep on moons, with a results table and an HTML report",
		intro: fmt.Sprintf("The main job: a learning_rate × batch_size sweep (%v × %v, %d epochs) on the two-moons dataset with the pure-Go simplego backend. Prints the results table and writes a standalone HTML report (charts and table).",
			demoLearningRates, demoBatchSizes, demoEpochs),
		run: runDemo,
	},
	"train": {
		summary: "train one model and show its loss per epoch",
		intro:   "Trains one model with the hyperparameters given, showing the loss per epoch, and saves the run in --runs (a finished run with the same hyperparameters is reused unless --no-cache). Exits 1 when the run diverges or fails.",
		run:     runTrain,
	},
	"sweep": {
		summary: "train a grid or a random search of configurations, in parallel, resumable and shardable",
		intro:   "Trains every configuration of a grid (--grid, repeated) or a random search (--random N --vary a,b), --parallel at a time, saving each run in --runs. Running it again skips trials already finished there. Prints the results table and writes an HTML report to --out.",
		run:     runSweep,
	},
	"slurm": {
		summary: "write (and with --submit, submit) the Slurm job array of a sweep and its report job",
		intro:   "Writes the Slurm batch scripts of a sweep: a job array of --shards tasks, each running `hyperlab sweep` on its shard (the shard comes from SLURM_ARRAY_TASK_ID), with --cpus-per-task equal to --parallel, into the run store --runs on the shared file system; and a report job that runs after the array (--dependency=afterany). It prints both; with --submit it then submits them with sbatch. Takes every flag of `hyperlab sweep`.",
		run:     runSlurm,
	},
	"report": {
		summary: "a standalone HTML report (charts and results table) of every run in a run store",
		intro:   "Reads every run of a run store (all the shards of a sweep write to one), prints the results table and writes a standalone HTML report: comparison charts, the results table and each run's curves.",
		run:     runReport,
	},
	"lr-find": {
		summary: "a learning-rate range test: loss against an exponentially growing rate, and a suggested rate",
		intro:   "A learning-rate range test (as fastai's lr_find): a short run whose learning rate grows exponentially every step from --start to --end, stopped when the smoothed loss passes 4× its minimum. Prints loss against rate and a suggested learning_rate with the rule that chose it (valley, or steepest descent of the smoothed loss).",
		run:     runLRFind,
	},
	"new": {
		summary: "write a starter notebook that works from any folder (hyperlab new try.ipynb)",
		intro:   "Writes a starter notebook at PATH.ipynb, from any folder: a first cell that points GoNB at this hyperlab clone, a declaration cell, a train cell and a compare cell. Usage: hyperlab new [--clone DIR] [--force] PATH.ipynb",
		run:     runNew,
	},
}

// env is what a command writes to and reads from; tests give buffers.
type env struct {
	stdout, stderr io.Writer
	getenv         func(string) string
}

// run is the whole program: it parses args, runs the command and returns
// the exit code. main only wires it to the process.
func run(args []string, stdout, stderr io.Writer) int {
	e := &env{stdout: stdout, stderr: stderr, getenv: os.Getenv}
	if len(args) == 0 {
		fmt.Fprintln(stderr, "hyperlab: no command given; run `hyperlab demo` to start, or `hyperlab help` for the list of commands.")
		return exitUsage
	}
	name := args[0]
	switch name {
	case "help", "-h", "-help", "--help":
		usage(stdout)
		return exitOK
	}
	cmd, ok := commands[name]
	if !ok {
		fmt.Fprintf(stderr, "hyperlab: unknown command %q; use one of %s.\n", name, strings.Join(commandNames(), ", "))
		return exitUsage
	}
	ctx, stop := interruptible(stderr, name)
	defer stop()
	return cmd.run(ctx, newCLI(name, cmd.intro), args[1:], e)
}

func commandNames() []string {
	var names []string
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "hyperlab makes hyperparameters tangible: train, compare and sweep small GoMLX models.")
	fmt.Fprintln(w, "\nUsage: hyperlab <command> [flags]")
	fmt.Fprintln(w, "\nCommands:")
	for _, n := range commandNames() {
		fmt.Fprintf(w, "  %-8s %s\n", n, commands[n].summary)
	}
	fmt.Fprintln(w, "\n`hyperlab <command> --help` lists a command's flags and the hyperparameters.")
	fmt.Fprintln(w, "Exit codes: 0 ok, 1 a run failed or diverged, 2 usage error.")
}

// usageError is a mistake on the command line: exit code 2, one sentence.
type usageError struct{ msg string }

func (e *usageError) Error() string { return e.msg }

func usagef(format string, args ...any) error {
	return &usageError{fmt.Sprintf(format, args...)}
}

// fail reports err on stderr as "hyperlab <cmd>: <sentence>" and returns the
// exit code: 2 for a usage error, 1 otherwise.
func fail(e *env, cmd string, err error) int {
	msg := oneSentence(err.Error())
	fmt.Fprintf(e.stderr, "hyperlab %s: %s\n", cmd, msg)
	var ue *usageError
	if errors.As(err, &ue) {
		return exitUsage
	}
	return exitFailure
}

// oneSentence joins a multi-line error (hparams reports every problem at
// once) into one line ending with a full stop.
// Package prefixes ("hparams: ") are dropped: the command's name leads.
func oneSentence(s string) string {
	var parts []string
	for _, line := range strings.Split(s, "\n") {
		line = strings.TrimSpace(line)
		for _, prefix := range []string{"hparams: ", "training: ", "datasets: ", "runstore: ", "plotting: "} {
			line = strings.TrimPrefix(line, prefix)
		}
		if line != "" {
			parts = append(parts, strings.TrimRight(line, "."))
		}
	}
	// Messages may quote stored text (a run's error, a value): control
	// characters are shown as escapes, never sent to the terminal.
	out := training.TerminalText(strings.Join(parts, "; "))
	if !strings.HasSuffix(out, "?") {
		out += "."
	}
	return out
}

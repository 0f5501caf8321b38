package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/hyperlab-go/hyperlab/lab"

	"github.com/hyperlab-go/hyperlab/runstore"
	"github.com/hyperlab-go/hyperlab/training"
)

func runReport(ctx context.Context, c *cli, args []string, e *env) int {
	var sortBy, table string
	c.stringVar(&sortBy, "sort", "best_loss", "sort the table by this column (-column for descending)")
	c.stringVar(&table, "table", "", "also export the results table to this file: "+tableExtensions)
	c.storeFlags("", "write the HTML report to this file (report only reads --runs, so without --out no HTML is written)")
	if code, stop := c.parseArgs(args, e); stop {
		return code
	}
	source, err := echartsSource(c.echarts)
	if err != nil {
		return fail(e, c.name, err)
	}
	if table != "" {
		if _, err := tableFormat(table); err != nil {
			return fail(e, c.name, err)
		}
	}
	if c.runs == "" {
		return fail(e, c.name, usagef("give the run store to report on with --runs DIR (train and sweep print theirs)"))
	}
	if fi, err := os.Stat(c.runs); err != nil || !fi.IsDir() {
		return fail(e, c.name, usagef("--runs=%s is not a run store directory; give the --runs of a train or sweep", c.runs))
	}
	dir, err := reportDir(c.runs)
	if err != nil {
		return fail(e, c.name, err)
	}
	// Read-only: a report creates, locks and changes nothing in the store,
	// and refuses a directory that is not one.
	store, err := runstore.OpenReadOnly(dir)
	if err != nil {
		return fail(e, c.name, &usageError{err.Error()})
	}
	start := time.Now()
	runs, listErr := store.List()
	read := time.Since(start)
	incomplete := 0
	var order []string // the complete runs' IDs in the order they ran
	for _, r := range runs {
		if !r.Complete {
			incomplete++
		} else {
			order = append(order, r.ID)
		}
	}
	res := training.ResultsFromRuns(runs)
	if err := res.Sort(sortBy); err != nil {
		return fail(e, c.name, &usageError{err.Error()})
	}
	fmt.Fprintf(e.stdout, "%d complete runs in %s", len(res.Rows), store.Root())
	if incomplete > 0 {
		fmt.Fprintf(e.stdout, " (%d incomplete left out: interrupted, or still running)", incomplete)
	}
	// How many runs were read, and how long it took: on a shared file
	// system a large store is read at the file system's pace.
	fmt.Fprintf(e.stdout, "; read %d runs in %s", len(runs), read.Round(time.Millisecond))
	fmt.Fprintln(e.stdout)
	if listErr != nil {
		fmt.Fprintf(e.stderr, "hyperlab report: some runs could not be read: %s\n", oneSentence(listErr.Error()))
	}
	if len(res.Rows) > 0 {
		fmt.Fprintln(e.stdout)
		if err := res.WriteText(e.stdout); err != nil {
			return fail(e, c.name, err)
		}
		if err := writeSeedGroups(e.stdout, res); err != nil {
			return fail(e, c.name, err)
		}
	}
	if table != "" {
		if err := writeTable(res, table); err != nil {
			return fail(e, c.name, err)
		}
		fmt.Fprintf(e.stdout, "Results table: %s\n", table)
	}
	if c.out == "" {
		fmt.Fprintln(e.stdout, "Give --out FILE.html to also write the HTML report.")
		if listErr != nil {
			return exitFailure
		}
		return exitOK
	}
	out := c.out
	notes := []string{fmt.Sprintf("%d complete runs from %s.", len(res.Rows), store.Root())}
	page, err := reportPageInOrder("hyperlab report", res, order, notes, source)
	if err != nil {
		return fail(e, c.name, err)
	}
	path, err := writePage(page, out)
	if err != nil {
		return fail(e, c.name, err)
	}
	fmt.Fprintf(e.stdout, "Report: %s\n", path)
	if listErr != nil {
		return exitFailure
	}
	return exitOK
}

// reportDir is the store to report on: --runs itself when it is a store,
// or its one dataset folder when it is a root as train and sweep write
// (lab.DataKey); a root of several datasets asks for one of them.
func reportDir(runs string) (string, error) {
	// A store is reported as it is; only a root is searched for dataset
	// folders, which would otherwise look into each of a store's runs.
	if runstore.IsStore(runs) {
		return runs, nil
	}
	folders, err := lab.DataFolders(runs)
	if err != nil || len(folders) == 0 {
		return runs, nil
	}
	if len(folders) == 1 {
		return filepath.Join(runs, folders[0]), nil
	}
	for i, f := range folders {
		folders[i] = filepath.Join(runs, f)
	}
	return "", usagef("--runs=%s holds the runs of %d datasets; give one of them: --runs %s", runs, len(folders), strings.Join(folders, ", --runs "))
}

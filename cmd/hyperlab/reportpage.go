package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/hyperlab-go/hyperlab/history"
	"github.com/hyperlab-go/hyperlab/hparams"
	"github.com/hyperlab-go/hyperlab/internal/atomicfile"
	"github.com/hyperlab-go/hyperlab/lab"
	"github.com/hyperlab-go/hyperlab/plotting"
	"github.com/hyperlab-go/hyperlab/training"
)

// reportPage lays out a standalone report of a results table: a comparison
// of every run's loss per epoch, the sweep views over the hyperparameters
// that vary (best validation loss against one of them, a heatmap over two,
// parallel coordinates), the results table, and each run's own curves.
// notes are paragraphs under the title (dataset, command). A sweep of more
// than largeSweep runs gets largeReportPage instead.
func reportPage(title string, res *training.Results, notes []string, source plotting.Source) (*plotting.Page, error) {
	return reportPageInOrder(title, res, nil, notes, source)
}

// reportPageInOrder is reportPage with the order the runs ran in (their
// IDs), which a large report's best-so-far chart follows; nil means the
// rows' trial order, a sweep's own.
func reportPageInOrder(title string, res *training.Results, order []string, notes []string, source plotting.Source) (*plotting.Page, error) {
	if len(withHistory(res.Rows)) > largeSweep {
		return largeReportPage(title, res, order, notes, source)
	}
	page := &plotting.Page{Title: title, Source: source}
	for _, n := range notes {
		page.Text(n)
	}
	var runs []plotting.Run
	var labels []string
	var drawn []training.Row // the rows with a history, as runs
	for _, row := range res.Rows {
		if row.History != nil {
			runs = append(runs, plotting.Run{Values: row.Values, History: row.History})
			drawn = append(drawn, row)
		}
	}
	names := viewOrder(res.Names)
	linked := len(runs) >= 2 && len(names) > 0 && len(runs) == len(res.Rows)
	if len(runs) == 0 {
		page.Text("No finished runs to show yet.")
	} else {
		labels = plotting.Labels(runs)
		page.Heading("All runs")
		if linked {
			// Curves, parallel coordinates, heatmap and table in one
			// display: brushing an axis or clicking cells picks trials.
			page.Text("Brush a range on an axis of the parallel coordinates, or click heatmap cells, to pick trials: their curves and rows stand out. Hover a trial to find it everywhere.")
			l, err := lab.LinkedSweep(res, names, lab.SweepOptions(training.Spec))
			if err != nil {
				return nil, err
			}
			if err := page.Linked(l); err != nil {
				return nil, err
			}
		} else {
			colorBy := ""
			if len(names) > 0 {
				colorBy = names[0]
			}
			cmp, err := plotting.Compare(runs, plotting.CompareOptions{LogY: true, ColorBy: colorBy})
			if err != nil {
				return nil, err
			}
			page.Chart(cmp)
		}
		if err := sweepViews(page, drawn, names, !linked); err != nil {
			return nil, err
		}
		// Which hyperparameters mattered, when enough trials finished to say.
		if imp, err := res.Importance(training.Spec, 1); err == nil && len(names) > 0 {
			page.Heading("Which hyperparameters mattered")
			page.Chart(lab.ImportanceChart(imp))
			page.Text(lab.ImportanceSummary(imp))
		}
	}
	page.Heading("Results")
	if best, ok := bestSentence(res); ok {
		page.Text(best)
	}
	if !linked {
		header, cells := res.Cells()
		page.Table(plotting.Table{Header: header, Rows: cells})
	}
	if len(runs) > 0 {
		page.Heading("Each run")
		for i, r := range runs {
			label := labels[i]
			if label == "" {
				label = fmt.Sprintf("run %d", i+1)
			}
			page.Chart(plotting.Loss(r.History, plotting.LossOptions{Title: label + " (" + string(r.History.Status) + ")", LogY: true}))
		}
	}
	return page, nil
}

// sweepViews adds the views of rows' best validation loss against the
// varying hyperparameters names (lab.SweepTrials, as a notebook draws
// them; each point named by its trial number, as the table's trial
// column), when there are any; the heatmap and parallel coordinates only
// when the linked display has not shown them.
func sweepViews(page *plotting.Page, rows []training.Row, names []string, overTwo bool) error {
	if len(rows) < 2 || len(names) == 0 {
		return nil
	}
	trials, opts := numbered(lab.SweepTrials(rows, names), rows), lab.SweepOptions(training.Spec)
	page.Heading("Best validation loss against the hyperparameters")
	for _, n := range names {
		if numeric(trials, n) {
			page.Chart(plotting.Slice(trials, n, opts))
		}
	}
	if len(names) >= 2 && overTwo {
		page.Chart(plotting.Heatmap(trials, names[0], names[1], opts))
		page.Chart(plotting.Parallel(trials, opts))
	}
	return nil
}

// viewOrder puts learning_rate first (the x axis of heatmaps, the colour of
// comparisons): it is the hyperparameter whose effect the demo is about.
func viewOrder(names []string) []string {
	out := make([]string, 0, len(names))
	for _, n := range names {
		if n == training.ParamLearningRate {
			out = append(out, n)
		}
	}
	for _, n := range names {
		if n != training.ParamLearningRate {
			out = append(out, n)
		}
	}
	return out
}

// numeric reports whether every trial's value of name is a number.
func numeric(trials []plotting.Trial, name string) bool {
	for _, t := range trials {
		switch t.Values[name].(type) {
		case float64, int, int64:
		default:
			return false
		}
	}
	return true
}

// bestSentence names the best trial of res (Results.Best) and what it
// reached, as the sweep's output and both reports say it; false when no
// trial has a finite best loss.
func bestSentence(res *training.Results) (string, bool) {
	best, ok := res.Best()
	if !ok {
		return "", false
	}
	return fmt.Sprintf("Best trial: %d (%s), best loss %s at epoch %d.", best.Trial, valuesText(best.Values, res.Names), history.Format(best.BestLoss), best.BestEpoch), true
}

func valuesText(values map[string]any, names []string) string {
	if len(names) == 0 {
		return "the only configuration"
	}
	return training.TerminalText(strings.Join(hparams.Pairs(values, names), ", "))
}

// echartsSource reads --echarts: empty is the pinned CDN copy; a URL is
// loaded from there; anything else is a local file inlined into the page.
func echartsSource(s string) (plotting.Source, error) {
	switch {
	case s == "":
		return plotting.Source{}, nil
	case strings.HasPrefix(s, "http://") || strings.HasPrefix(s, "https://") || strings.HasPrefix(s, "file://"):
		return plotting.ScriptURL(s), nil
	}
	src, err := plotting.InlineFile(s)
	if err != nil {
		return src, &usageError{oneSentence(err.Error())}
	}
	return src, nil
}

// writePage writes page to path, creating its directory, and returns the
// absolute path for the message.
func writePage(page *plotting.Page, path string) (string, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return "", err
	}
	if err := outputFile(abs); err != nil {
		return "", err
	}
	if err := os.MkdirAll(filepath.Dir(abs), 0o755); err != nil {
		return "", fmt.Errorf("cannot create the directory of %s: %w", abs, err)
	}
	if err := page.WriteFile(abs); err != nil { // whole or not at all
		return "", fmt.Errorf("%w; give --out a file you can write to", err)
	}
	return abs, nil
}

// outputFile refuses an output path that exists and is not a regular
// file: a named pipe, device or directory is not where a report belongs,
// and the rename that writes the report would replace it (or fail).
func outputFile(path string) error {
	fi, err := os.Stat(path)
	if err != nil || fi.Mode().IsRegular() {
		return nil // absent (created), or a file (replaced); other errors surface when writing
	}
	return usagef("%s is not a regular file (%v); give a file path to write to", path, fi.Mode().Type())
}

// tableFormats are the results-table formats --table knows, by the
// extension that names them.
var tableFormats = map[string]func(*training.Results, io.Writer) error{
	".csv":      (*training.Results).WriteCSV,
	".json":     (*training.Results).WriteJSON,
	".md":       (*training.Results).WriteMarkdown,
	".markdown": (*training.Results).WriteMarkdown,
	".html":     (*training.Results).WriteHTML,
	".htm":      (*training.Results).WriteHTML,
	".txt":      (*training.Results).WriteText,
}

// tableFormat is the writer of the format path's extension names, or a
// usage error naming path; sweep and report ask it before any work.
func tableFormat(path string) (func(*training.Results, io.Writer) error, error) {
	if write, ok := tableFormats[strings.ToLower(filepath.Ext(path))]; ok {
		return write, nil
	}
	return nil, usagef("--table=%s has no known extension; end it in %s", path, tableExtensions)
}

// tableExtensions lists the main extension of each table format, for the
// help and the error of --table.
const tableExtensions = ".csv, .json, .md, .html or .txt"

// writeTable exports res to path in the format its extension names.
func writeTable(res *training.Results, path string) error {
	write, err := tableFormat(path)
	if err != nil {
		return err
	}
	if err := outputFile(path); err != nil {
		return err
	}
	var b bytes.Buffer
	if err := write(res, &b); err != nil {
		return err
	}
	if err := atomicfile.Write(path, b.Bytes(), 0o644); err != nil {
		return fmt.Errorf("cannot write the results table %s (%v); give --table a file you can write to", path, err)
	}
	return nil
}

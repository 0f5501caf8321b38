package training

import (
	"fmt"
	"math"
	"sort"
	"strings"

	"github.com/hyperlab-go/hyperlab/history"
	"github.com/hyperlab-go/hyperlab/hparams"
	"github.com/hyperlab-go/hyperlab/runstore"
)

// Pruned is the status of a trial stopped early: by a search's pruner
// (the run itself is stored as pruned, with the epochs it trained), or by
// successive halving at a lower rung (there only the results table says
// so: the run finished its shorter budget). It is history.Pruned.
const Pruned = history.Pruned

// Row is one trial of a sweep as plain data: its hyperparameters, the final
// and best metrics, how far it got and how long it took. Metrics that do not
// apply are NaN.
type Row struct {
	Trial  int            `json:"trial"` // position in the sweep's trial list (from 0)
	ID     string         `json:"id"`    // run-store ID (the Values hash)
	Values map[string]any `json:"values"`
	Status history.Status `json:"status"`
	Error  string         `json:"error,omitempty"`
	Epochs int            `json:"epochs"` // epochs run

	TrainLoss   float64 `json:"train_loss"`   // final epoch
	ValLoss     float64 `json:"val_loss"`     // final epoch
	ValAccuracy float64 `json:"val_accuracy"` // final epoch (classification)
	ValError    float64 `json:"val_error"`    // final epoch (regression)
	BestLoss    float64 `json:"best_loss"`    // lowest validation loss (training loss without validation)
	BestEpoch   int     `json:"best_epoch"`
	Seconds     float64 `json:"seconds"` // wall time of the trial

	// History is the run's full record, for charts; nil for a trial that
	// failed before training. Exports leave it out.
	History *history.History `json:"-"`
}

// Results is a sweep's table: one Row per trial. Names are the
// hyperparameters shown as columns: those whose value differs between rows,
// or all of them when every row agrees.
type Results struct {
	Names []string
	Rows  []Row

	untimed bool // tables leave out the seconds column (see Untimed)
}

// Untimed returns a copy of r whose tables (text, Markdown, HTML, CSV) leave
// out the seconds column: for outputs that are saved, such as a notebook,
// where a wall-clock time would change the file at every run. The rows keep
// their Seconds, and JSON keeps them too.
func (r *Results) Untimed() *Results {
	c := *r
	c.untimed = true
	return &c
}

// Complete reports whether r finished (all its epochs, or stopped early by
// its own early stopping) with a finite best loss. Importance fits only
// these, and halving ranks them first. (runstore.Run.Complete is another thing: every epoch
// of a stored run readable.)
func (r Row) Complete() bool { return r.Status == history.Finished && history.Finite(r.BestLoss) }

// Ranked reports whether r competes for the best trial: it finished or was
// pruned, with a finite best loss. Unlike Complete it admits pruned
// trials, whose best loss is a real one, if of fewer epochs; failed,
// cancelled and diverged trials have none to compare. Best, Top and a
// sweep's Progress rank only these.
func (r Row) Ranked() bool {
	return (r.Status == history.Finished || r.Status == Pruned) && history.Finite(r.BestLoss)
}

// NewRow summarises one run's History.
func NewRow(trial int, id string, values map[string]any, h *history.History, seconds float64) Row {
	r := Row{Trial: trial, ID: id, Values: values, Seconds: seconds,
		TrainLoss: math.NaN(), ValLoss: math.NaN(), ValAccuracy: math.NaN(), ValError: math.NaN(),
		BestLoss: math.NaN()}
	if h == nil {
		r.Status = history.Failed
		return r
	}
	r.History = h
	r.Status, r.Error, r.Epochs = h.Status, h.Err, len(h.Epochs)
	if last, ok := h.Last(); ok {
		r.TrainLoss, r.ValLoss, r.ValAccuracy, r.ValError = last.TrainLoss, last.ValLoss, last.ValAccuracy, last.ValError
	}
	if best, ok := h.Best(); ok {
		r.BestLoss, r.BestEpoch = best.ValLoss, best.Epoch
		if !history.Finite(best.ValLoss) {
			r.BestLoss = best.TrainLoss
		}
	}
	return r
}

// NewResults builds the table of rows and picks the varying hyperparameters
// as columns. Rows keep their order.
func NewResults(rows []Row) *Results {
	return &Results{Names: varyingNames(rows), Rows: rows}
}

// ResultsFromRuns builds the table of every complete run in a store listing
// (what `hyperlab report` shows, merging all shards). Incomplete runs (a
// trial that was killed) are left out. Rows are ordered by ID, so the table
// of a store does not depend on which process wrote which run.
func ResultsFromRuns(runs []*runstore.Run) *Results {
	var rows []Row
	for _, run := range runs {
		if run == nil || !run.Complete {
			continue
		}
		h := run.History
		rows = append(rows, NewRow(0, run.ID, run.Values, &h, runSeconds(&h)))
	}
	sort.SliceStable(rows, func(i, j int) bool { return rows[i].ID < rows[j].ID })
	for i := range rows {
		rows[i].Trial = i
	}
	return NewResults(rows)
}

// varyingNames is hparams.Differing over the rows, or every name when no
// value differs (a table of one configuration still shows it).
func varyingNames(rows []Row) []string {
	values := make([]map[string]any, len(rows))
	all := map[string]bool{}
	for i, r := range rows {
		values[i] = r.Values
		for name := range r.Values {
			all[name] = true
		}
	}
	if varying := hparams.Differing(values...); len(varying) > 0 {
		return varying
	}
	names := make([]string, 0, len(all))
	for name := range all {
		names = append(names, name)
	}
	sort.Strings(names)
	return names
}

// Best returns the Ranked row with the lowest best loss (the first of
// equal ones), and false if there is none.
func (r *Results) Best() (Row, bool) {
	top := r.Top(1)
	if len(top) == 0 {
		return Row{}, false
	}
	return top[0], true
}

// Top returns the k Ranked rows with the lowest best loss, best first;
// equal ones keep the table's order. It gives fewer when fewer rows are
// ranked, none when k ≤ 0, and leaves r's rows as they are.
func (r *Results) Top(k int) []Row {
	var ranked []Row
	for _, row := range r.Rows {
		if row.Ranked() {
			ranked = append(ranked, row)
		}
	}
	sort.SliceStable(ranked, func(i, j int) bool { return ranked[i].BestLoss < ranked[j].BestLoss })
	return ranked[:max(0, min(k, len(ranked)))]
}

// Sort orders the rows by a column: a metric ("best_loss", "val_loss",
// "train_loss", "val_accuracy", "val_error", "epochs", "seconds", "trial",
// "status", "id") or a hyperparameter name. A leading "-" sorts descending.
// Missing values (NaN) go last either way; ties keep their order.
func (r *Results) Sort(column string) error {
	desc := strings.HasPrefix(column, "-")
	name := strings.TrimPrefix(column, "-")
	key, err := r.sortKey(name)
	if err != nil {
		return err
	}
	sort.SliceStable(r.Rows, func(i, j int) bool {
		a, b := key(r.Rows[i]), key(r.Rows[j])
		if a.missing || b.missing {
			return !a.missing && b.missing
		}
		c := a.compare(b)
		if desc {
			return c > 0
		}
		return c < 0
	})
	return nil
}

type sortValue struct {
	num     float64
	text    string
	isText  bool
	missing bool
}

func (a sortValue) compare(b sortValue) int {
	if a.isText || b.isText {
		return strings.Compare(a.text, b.text)
	}
	switch {
	case a.num < b.num:
		return -1
	case a.num > b.num:
		return 1
	}
	return 0
}

func num(f float64) sortValue { return sortValue{num: f, missing: !history.Finite(f)} }

func (r *Results) sortKey(name string) (func(Row) sortValue, error) {
	metrics := map[string]func(Row) sortValue{
		"trial":        func(x Row) sortValue { return num(float64(x.Trial)) },
		"id":           func(x Row) sortValue { return sortValue{text: x.ID, isText: true} },
		"status":       func(x Row) sortValue { return sortValue{text: string(x.Status), isText: true} },
		"epochs":       func(x Row) sortValue { return num(float64(x.Epochs)) }, // epochs run: not a hyperparameter name
		"train_loss":   func(x Row) sortValue { return num(x.TrainLoss) },
		"val_loss":     func(x Row) sortValue { return num(x.ValLoss) },
		"val_accuracy": func(x Row) sortValue { return num(x.ValAccuracy) },
		"val_error":    func(x Row) sortValue { return num(x.ValError) },
		"best_loss":    func(x Row) sortValue { return num(x.BestLoss) },
		"best_epoch":   func(x Row) sortValue { return num(float64(x.BestEpoch)) },
		"seconds":      func(x Row) sortValue { return num(x.Seconds) },
	}
	if k, ok := metrics[name]; ok {
		return k, nil
	}
	for _, row := range r.Rows {
		if _, ok := row.Values[name]; ok {
			return func(x Row) sortValue {
				v, ok := x.Values[name]
				if !ok {
					return sortValue{missing: true}
				}
				if f, isNum := hparams.Number(v); isNum {
					return num(f)
				}
				return sortValue{text: hparams.Format(v), isText: true}
			}, nil
		}
	}
	return nil, fmt.Errorf("training: cannot sort the results by %q: it is neither a metric (best_loss, val_loss, train_loss, val_accuracy, epochs, seconds, ...) nor a hyperparameter of the trials", name)
}

// CheckSort returns the error Sort(column) would return on a table of
// trials with these hyperparameter values, so that a misspelt column is
// found before a sweep runs rather than after.
func CheckSort(column string, values map[string]any) error {
	r := &Results{Rows: []Row{{Values: values}}}
	_, err := r.sortKey(strings.TrimPrefix(column, "-"))
	return err
}

package lab

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/hyperlab-go/hyperlab/internal/fileread"
	"github.com/hyperlab-go/hyperlab/internal/i18n"
	"github.com/hyperlab-go/hyperlab/internal/ipynb"

	"github.com/hyperlab-go/hyperlab/evidence"
	"github.com/hyperlab-go/hyperlab/history"
	"github.com/hyperlab-go/hyperlab/hparams"
	"github.com/hyperlab-go/hyperlab/runstore"
	"github.com/hyperlab-go/hyperlab/training"
)

// Evidence turns groups into the evidence package's groups, labelled by
// the hyperparameters that differ between them (or their Label), each seed
// carrying its run-store place so that a saved verdict can be recomputed.
func Evidence(groups ...*Group) []evidence.Group {
	labels := groupLabels(groups)
	out := make([]evidence.Group, len(groups))
	for i, g := range groups {
		eg := evidence.Group{Label: labels[i], Values: g.sharedValues()}
		if g.labelEn != "" { // named in each language by Labels
			eg.Label, eg.LabelZh = g.labelEn, g.labelZh
		}
		for _, r := range g.Runs {
			eg.Runs = append(eg.Runs, evidence.Run{Seed: int64(r.Values.Int(training.ParamSeed)), Store: g.store,
				ID: training.RunID(r.Values, r.Data), History: r.History})
		}
		out[i] = eg
	}
	return out
}

// Verdict judges the claim, shows its box under the cell (English and
// Chinese; plain text outside a notebook) and returns it. A malformed
// claim ends the cell with one sentence, as Check does.
func Verdict(c evidence.Claim) evidence.Verdict {
	v, err := evidence.Judge(c)
	Check(err)
	Display(v.HTML(), v.Text())
	return v
}

// GridSeeds is Grid over n seeds: every combination of axes trains n times;
// the table shows one row per combination as mean ± s.d. (see
// SweepResult.ShowGroups), and Evidence gives the groups for verdicts.
func GridSeeds(base hparams.Values, dataset string, axes map[string][]any, n int, opts ...Option) *SweepResult {
	trials, err := training.GridTrials(base, axes)
	Check(err)
	trials, err = training.SeedTrials(trials, n)
	Check(err)
	ctx, stop := signalContext()
	defer stop()
	res, err := SweepErr(ctx, base, dataset, trials, nil, opts...)
	Check(err)
	res.ShowGroups()
	return res
}

// ShowGroups shows the sweep's configurations, one row each, with their
// metrics as mean ± s.d. over seeds.
func (s *SweepResult) ShowGroups() {
	var b strings.Builder
	Check(s.WriteGroupsText(&b))
	groups := s.Evidence()
	t := Table{Caption: i18n.T("mean ± s.d. over seeds"), Header: i18n.Ts("group", "seeds", "train loss", "val loss", "best val loss", "best epoch of the mean", "val accuracy")}
	for i, g := range s.Groups() {
		t.Rows = append(t.Rows, []string{groups[i].Label, fmt.Sprint(len(g.Rows)), training.MeanSD(g.TrainLoss), training.MeanSD(g.ValLoss),
			training.MeanSD(g.BestLoss), fmt.Sprint(g.BestEpoch), training.MeanSD(g.ValAccuracy)})
	}
	Display(t.HTML(), b.String())
}

// Evidence returns the sweep's configurations as groups over their seeds,
// in trial order, labelled by the hyperparameters that differ.
func (s *SweepResult) Evidence() []evidence.Group {
	rows := s.Groups()
	var names []string
	for _, n := range s.Names {
		if n != training.ParamSeed {
			names = append(names, n)
		}
	}
	out := make([]evidence.Group, len(rows))
	for i, g := range rows {
		eg := evidence.Group{Label: strings.Join(hparams.Pairs(g.Values, names), ", "), Values: g.Values}
		for k, r := range g.Rows {
			eg.Runs = append(eg.Runs, evidence.Run{Seed: int64(g.Seeds[k]), Store: s.store, ID: r.ID, History: r.History})
		}
		if eg.Label == "" {
			eg.Label = fmt.Sprintf("group %d", i+1)
		}
		out[i] = eg
	}
	return out
}

// RecheckNotebook recomputes every verdict box saved in the notebook at
// path (an .ipynb) from the run store under root (RunsDir() of the
// notebook) and returns the verdicts. The error names the first claim whose
// outcome changed (the data changed direction) or whose saved box differs
// from the recomputed one (edited by hand); a notebook without verdicts is
// no error.
func RecheckNotebook(path, root string) ([]evidence.Verdict, error) {
	html, err := notebookHTML(path)
	if err != nil {
		return nil, err
	}
	return RecheckHTML(html, root)
}

// RecheckHTML is RecheckNotebook for HTML already read.
func RecheckHTML(html, root string) ([]evidence.Verdict, error) {
	saved, err := evidence.Find(html)
	if err != nil {
		return nil, err
	}
	stores := map[string]*runstore.Store{}
	load := func(r evidence.Run) (*history.History, error) {
		s, ok := stores[r.Store]
		if !ok {
			dir := filepath.Join(root, r.Store)
			if _, err := os.Stat(dir); err != nil {
				return nil, fmt.Errorf("no run store at %s; run the notebook to train the runs", dir)
			}
			// Only reads: Open would lock, mark the directory and empty its trash.
			if s, err = runstore.OpenReadOnly(dir); err != nil {
				return nil, err
			}
			stores[r.Store] = s
		}
		run, err := s.Load(r.ID)
		if err != nil {
			return nil, err
		}
		return &run.History, nil
	}
	var out []evidence.Verdict
	for _, sv := range saved {
		v, err := evidence.Recheck(sv, load)
		if err != nil {
			return out, err
		}
		out = append(out, v)
	}
	return out, nil
}

// maxNotebook bounds the saved notebook RecheckNotebook reads: the
// tutorials weigh under 1 MiB each, charts and images included.
const maxNotebook = 64 << 20

// notebookHTML joins the text/html outputs of a notebook's cells.
func notebookHTML(path string) (string, error) {
	// A regular file only, and bounded, as every file a user names is read
	// (internal/fileread): a named pipe would block the read forever.
	data, err := fileread.ReadFile(path, maxNotebook, true)
	if err != nil {
		return "", fmt.Errorf("lab: %w", err)
	}
	cells, err := ipynb.HTMLOutputs(data)
	if errors.Is(err, ipynb.ErrNotText) {
		return "", fmt.Errorf("lab: %s: %v", path, err)
	}
	if err != nil {
		return "", fmt.Errorf("lab: %s is not a notebook: %v", path, err)
	}
	var b strings.Builder
	for _, outputs := range cells {
		for _, h := range outputs {
			b.WriteString(h)
			b.WriteString("\n")
		}
	}
	return b.String(), nil
}

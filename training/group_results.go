package training

import (
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/hyperlab-go/hyperlab/history"
	"github.com/hyperlab-go/hyperlab/hparams"
)

// GroupRow is one configuration of a sweep over seeds: its rows (one per
// seed) and their metrics summarised over the seeds.
type GroupRow struct {
	Values map[string]any // the shared hyperparameters, the seed left out
	Seeds  []int
	Rows   []Row

	TrainLoss, ValLoss, ValAccuracy, BestLoss history.Stat
	// BestEpoch is the best epoch of the seed-mean validation loss, not
	// the mean of each seed's best epoch.
	BestEpoch int
}

// Groups gathers the rows that differ only in their seed, in order of
// first appearance (SeedTrials' order), and summarises each group.
func (r *Results) Groups() []GroupRow {
	var out []GroupRow
	index := map[string]int{}
	for _, row := range r.Rows {
		key := withoutSeedKey(row.Values)
		i, ok := index[key]
		if !ok {
			i = len(out)
			index[key] = i
			vals := map[string]any{}
			for k, v := range row.Values {
				if k != ParamSeed {
					vals[k] = v
				}
			}
			out = append(out, GroupRow{Values: vals})
		}
		g := &out[i]
		g.Rows = append(g.Rows, row)
		if s, ok := row.Values[ParamSeed]; ok {
			g.Seeds = append(g.Seeds, seedOf(s))
		}
	}
	for i := range out {
		out[i].summarise()
	}
	return out
}

func (g *GroupRow) summarise() {
	col := func(f func(Row) float64) history.Stat {
		xs := make([]float64, len(g.Rows))
		for i, r := range g.Rows {
			xs[i] = f(r)
		}
		return history.Summarize(xs)
	}
	g.TrainLoss = col(func(r Row) float64 { return r.TrainLoss })
	g.ValLoss = col(func(r Row) float64 { return r.ValLoss })
	g.ValAccuracy = col(func(r Row) float64 { return r.ValAccuracy })
	g.BestLoss = col(func(r Row) float64 { return r.BestLoss })
	hs := g.Histories()
	c := history.MeanCurve(hs, history.ValLoss)
	if i, ok := c.Best(); ok {
		g.BestEpoch = c.Epochs[i]
	} else if c = history.MeanCurve(hs, history.TrainLoss); len(c.Epochs) > 0 {
		if i, ok := c.Best(); ok {
			g.BestEpoch = c.Epochs[i]
		}
	}
}

// Histories returns the group's run histories (nil entries left out).
func (g GroupRow) Histories() []*history.History {
	var hs []*history.History
	for _, r := range g.Rows {
		if r.History != nil {
			hs = append(hs, r.History)
		}
	}
	return hs
}

func withoutSeedKey(values map[string]any) string {
	vals := map[string]any{}
	for k, v := range values {
		if k != ParamSeed {
			vals[k] = v
		}
	}
	keys := make([]string, 0, len(vals))
	for k := range vals {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var b strings.Builder
	for _, k := range keys {
		fmt.Fprintf(&b, "%s=%s;", k, hparams.Format(vals[k]))
	}
	return b.String()
}

func seedOf(v any) int {
	switch x := v.(type) {
	case int:
		return x
	case int64:
		return int(x)
	case float64:
		return int(x)
	}
	return 0
}

// MeanSD formats a Stat as "mean ± s.d.", or "–" without a finite value.
func MeanSD(s history.Stat) string {
	if s.N == 0 {
		return "–"
	}
	return fmt.Sprintf("%s ± %.2g", history.Format(s.Mean), s.ShownSD())
}

// WriteGroupsText writes one line per group: its differing hyperparameters,
// seeds, and the final and best validation loss as mean ± s.d. over seeds.
func (r *Results) WriteGroupsText(w io.Writer) error {
	groups := r.Groups()
	var names []string
	for _, n := range r.Names {
		if n != ParamSeed {
			names = append(names, n)
		}
	}
	for _, g := range groups {
		label := strings.Join(hparams.Pairs(g.Values, names), " ")
		if label == "" {
			label = "all"
		}
		_, err := fmt.Fprintf(w, "%s: %d seeds; train loss %s, val loss %s, best val loss %s (best epoch of the mean: %d), val accuracy %s\n",
			label, len(g.Rows), MeanSD(g.TrainLoss), MeanSD(g.ValLoss), MeanSD(g.BestLoss), g.BestEpoch, MeanSD(g.ValAccuracy))
		if err != nil {
			return err
		}
	}
	return nil
}

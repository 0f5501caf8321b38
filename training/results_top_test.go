package training

import (
	"math"
	"slices"
	"testing"

	"github.com/hyperlab-go/hyperlab/history"
)

// Top ranks finished and pruned rows with a finite best loss, best first,
// equal ones in table order; Best is its first row.
func TestResultsTop(t *testing.T) {
	row := func(id string, best float64, st history.Status) Row {
		return Row{ID: id, BestLoss: best, Status: st}
	}
	res := &Results{Rows: []Row{
		row("slow", 0.5, history.Finished),
		row("tie1", 0.2, history.Finished),
		row("nan", math.NaN(), history.Finished),
		row("diverged", 0.1, history.Diverged),
		row("failed", 0.05, history.Failed),
		row("cancelled", 0.05, history.Cancelled),
		row("inf", math.Inf(-1), history.Finished),
		row("pruned", 0.2, Pruned),
		row("tie2", 0.2, history.Finished),
		row("prunedinf", math.Inf(1), Pruned),
	}}
	before := slices.Clone(res.Rows)
	ids := func(rows []Row) []string {
		var out []string
		for _, r := range rows {
			out = append(out, r.ID)
		}
		return out
	}
	cases := []struct {
		k    int
		want []string
	}{
		{3, []string{"tie1", "pruned", "tie2"}},
		{10, []string{"tie1", "pruned", "tie2", "slow"}},
		{1, []string{"tie1"}},
		{0, nil},
		{-1, nil},
	}
	for _, c := range cases {
		if got := ids(res.Top(c.k)); !slices.Equal(got, c.want) {
			t.Errorf("Top(%d) = %v, want %v", c.k, got, c.want)
		}
	}
	if best, ok := res.Best(); !ok || best.ID != "tie1" {
		t.Errorf("Best() = %s, %v; want tie1, the first of the equal best", best.ID, ok)
	}
	if !slices.EqualFunc(res.Rows, before, func(a, b Row) bool { return a.ID == b.ID }) {
		t.Errorf("Top reordered the table: %v", ids(res.Rows))
	}
	none := &Results{Rows: []Row{row("nan", math.NaN(), history.Finished), row("diverged", 0.1, history.Diverged)}}
	if top := none.Top(5); len(top) != 0 {
		t.Errorf("Top of rows none of which is ranked = %v, want none", ids(top))
	}
	if _, ok := none.Best(); ok {
		t.Error("Best found a row among rows none of which is ranked")
	}
}

package evidence

import (
	"fmt"
	"math"
	"sort"

	"github.com/hyperlab-go/hyperlab/hparams"
)

// SortBy returns the groups ordered by the numeric value of hyperparameter
// name (the order Falls, Rises and LowerThanNeighbours read), groups
// without a numeric value last, ties in their given order.
func SortBy(groups []Group, name string) []Group {
	out := append([]Group(nil), groups...)
	key := func(g Group) float64 {
		if x, ok := hparams.Number(g.Values[name]); ok {
			return x
		}
		return math.Inf(1)
	}
	sort.SliceStable(out, func(i, j int) bool { return key(out[i]) < key(out[j]) })
	return out
}

// Where returns the one group whose hyperparameter name equals value
// (numbers compare as numbers), and an error naming the values there are.
func Where(groups []Group, name string, value any) (Group, error) {
	var seen []string
	for _, g := range groups {
		v := g.Values[name]
		a, okA := hparams.Number(v)
		b, okB := hparams.Number(value)
		if (okA && okB && a == b) || (!okA && fmt.Sprint(v) == fmt.Sprint(value)) {
			return g, nil
		}
		seen = append(seen, fmt.Sprint(v))
	}
	return Group{}, fmt.Errorf("evidence: no group has %s=%v; the groups have %v", name, value, seen)
}

// MustWhere is Where for notebook cells: it panics when no group matches.
func MustWhere(groups []Group, name string, value any) Group {
	g, err := Where(groups, name, value)
	if err != nil {
		panic(err)
	}
	return g
}

// Multiples marks the groups whose hyperparameter name is a multiple of k
// (e.g. batch sizes of 8), for LowerThanNeighbours.
func Multiples(groups []Group, name string, k int) []bool {
	out := make([]bool, len(groups))
	for i, g := range groups {
		x, ok := hparams.Number(g.Values[name])
		out[i] = ok && k != 0 && x == math.Trunc(x) && int64(x)%int64(k) == 0
	}
	return out
}

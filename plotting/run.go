package plotting

import (
	"fmt"
	"sort"
	"strings"

	"github.com/hyperlab-go/hyperlab/history"
)

// Run is one training run as the charts of several runs see it: its
// hyperparameters as plain values (hparams.Values.Map() gives them) and its
// history.
type Run struct {
	// Label names the run in legends; empty means a label built from the
	// hyperparameters that differ between the runs drawn together.
	Label   string
	Values  map[string]any
	History *history.History
}

// Differing returns the names of the hyperparameters whose values are not
// the same in every run (a name missing from a run counts as a value),
// sorted.
func Differing(runs []Run) []string {
	names := map[string]bool{}
	for _, r := range runs {
		for k := range r.Values {
			names[k] = true
		}
	}
	var out []string
	for k := range names {
		first := ""
		for i, r := range runs {
			v := valueText(r.Values, k)
			if i == 0 {
				first = v
			} else if v != first {
				out = append(out, k)
				break
			}
		}
	}
	sort.Strings(out)
	return out
}

// Labels returns the legend label of each run: its Label when set, else
// "name=value" for each hyperparameter that differs between the runs, else
// "run N".
func Labels(runs []Run) []string {
	diff := Differing(runs)
	out := make([]string, len(runs))
	for i, r := range runs {
		if r.Label != "" {
			out[i] = r.Label
			continue
		}
		parts := make([]string, 0, len(diff))
		for _, k := range diff {
			parts = append(parts, k+"="+valueText(r.Values, k))
		}
		out[i] = strings.Join(parts, ", ")
		if out[i] == "" {
			out[i] = fmt.Sprintf("run %d", i+1)
		}
	}
	return out
}

func valueText(values map[string]any, name string) string {
	v, ok := values[name]
	if !ok {
		return "none"
	}
	return formatValue(v)
}

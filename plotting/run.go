package plotting

import (
	"fmt"
	"strings"

	"github.com/hyperlab-go/hyperlab/history"
	"github.com/hyperlab-go/hyperlab/hparams"
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

// Labels returns the legend label of each run: its Label when set, else
// "name=value" for each hyperparameter that differs between the runs
// (hparams.Differing, values as hparams.Format writes them, "none" where a
// run lacks the name), else "run N".
func Labels(runs []Run) []string {
	values := make([]map[string]any, len(runs))
	for i, r := range runs {
		values[i] = r.Values
	}
	diff := hparams.Differing(values...)
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
	return hparams.Format(v)
}

package plotting

import "github.com/hyperlab-go/hyperlab/hparams"

// LogParams returns the names of the hyperparameters that spec declares
// with a log scale, for SweepOptions.LogParams.
func LogParams(spec *hparams.Spec) []string {
	if spec == nil {
		return nil
	}
	var out []string
	for _, p := range spec.Params() {
		if p.Log {
			out = append(out, p.Name)
		}
	}
	return out
}

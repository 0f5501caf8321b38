package ipynb

import "errors"

// ErrNotText is the error of Read and HTMLOutputs for a text/html output
// that is neither a string nor a list of lines.
var ErrNotText = errors.New("a text/html output is neither text nor lines")

// HTMLOutputs returns the text/html outputs of each cell of the saved
// notebook raw, in order, one slice a cell. nbformat stores an output as
// one string or as a list of lines; both come back as one string.
func HTMLOutputs(raw []byte) ([][]string, error) {
	nb, err := Read(raw)
	if err != nil {
		return nil, err
	}
	out := make([][]string, len(nb.Cells))
	for i, c := range nb.Cells {
		for _, o := range c.Outputs {
			if h, ok := o.Data["text/html"]; ok {
				out[i] = append(out[i], string(h))
			}
		}
	}
	return out, nil
}

package ipynb

import (
	"encoding/json"
	"errors"
	"strings"
)

// ErrNotText is the error of HTMLOutputs for a text/html output that is
// neither a string nor a list of lines.
var ErrNotText = errors.New("a text/html output is neither text nor lines")

// HTMLOutputs returns the text/html outputs of each cell of the saved
// notebook raw, in order, one slice a cell. nbformat stores an output as
// one string or as a list of lines; both come back as one string.
func HTMLOutputs(raw []byte) ([][]string, error) {
	var nb struct {
		Cells []struct {
			Outputs []struct {
				Data map[string]json.RawMessage `json:"data"`
			} `json:"outputs"`
		} `json:"cells"`
	}
	if err := json.Unmarshal(raw, &nb); err != nil {
		return nil, err
	}
	out := make([][]string, len(nb.Cells))
	for i, c := range nb.Cells {
		for _, o := range c.Outputs {
			h, ok := o.Data["text/html"]
			if !ok {
				continue
			}
			var lines []string
			if err := json.Unmarshal(h, &lines); err != nil {
				var one string
				if err := json.Unmarshal(h, &one); err != nil {
					return nil, ErrNotText
				}
				lines = []string{one}
			}
			out[i] = append(out[i], strings.Join(lines, ""))
		}
	}
	return out, nil
}

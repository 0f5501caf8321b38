package plotting

import (
	"github.com/janpfeifer/gonb/gonbui"
)

// InNotebook reports whether the program runs under GoNB, where Display
// shows charts under the cell.
func InNotebook() bool { return gonbui.IsNotebook }

// Display shows the charts under the running GoNB cell as one saved output.
// Outside a notebook it does nothing. The error is a rendering error (a bad
// chart ID or size).
func Display(charts ...*Chart) error {
	s, err := fragments(charts)
	if err != nil || !InNotebook() {
		return err
	}
	gonbui.DisplayHTML(s)
	gonbui.Sync() // the cell's program may exit next; make sure GoNB has the output
	return nil
}

func fragments(charts []*Chart) (string, error) {
	s := ""
	for _, c := range charts {
		f, err := c.Fragment()
		if err != nil {
			return "", err
		}
		s += f
	}
	return s, nil
}

package plotting

import (
	"strings"
	"testing"

	"github.com/hyperlab-go/hyperlab/history"
)

// A nil Chart's Fragment is an error; a nil Live does nothing.
func TestNilChartAndLive(t *testing.T) {
	var c *Chart
	if _, err := c.Fragment(); err == nil || !strings.Contains(err.Error(), "nil") {
		t.Errorf("nil Chart Fragment: %v", err)
	}
	var l *Live
	l.Epoch(history.Epoch{Epoch: 1})
	if err := l.Update(&history.History{}); err != nil {
		t.Errorf("nil Live Update: %v", err)
	}
	if err := l.Done(nil); err != nil {
		t.Errorf("nil Live Done: %v", err)
	}
}

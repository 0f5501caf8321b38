package datasets

import (
	"strings"
	"testing"
)

// Nil inputs give an error or a documented zero value, never a panic.
func TestNilInputs(t *testing.T) {
	if _, err := ReadCSV(nil, CSVOptions{}); err == nil || !strings.Contains(err.Error(), "nil io.Reader") {
		t.Errorf("ReadCSV(nil): %v", err)
	}
	if s := FitScaler(nil); len(s.Mean) != 0 || len(s.Std) != 0 {
		t.Errorf("FitScaler(nil) = %+v; want the zero Scaler", s)
	}
}

package runstore

import (
	"bytes"
	"encoding/json"
	"errors"
	"math"
	"strings"
	"testing"
)

func TestReadEpochs(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		epochs  int
		errLine int // 0: no error
	}{
		{"empty", "", 0, 0},
		{"two", `{"epoch":1,"train_loss":0.5}` + "\n" + `{"epoch":2,"train_loss":0.4}` + "\n", 2, 0},
		{"no final newline", `{"epoch":1}`, 1, 0},
		{"blank lines", "\n\n" + `{"epoch":1}` + "\n\n", 1, 0},
		{"truncated last line", `{"epoch":1}` + "\n" + `{"epoch":2,"train_lo`, 1, 2},
		{"garbage in the middle", `{"epoch":1}` + "\nxx\n" + `{"epoch":3}` + "\n", 1, 2},
		{"epoch zero", `{"epoch":0}` + "\n", 0, 1},
		{"null line", "null\n", 0, 1},
		{"array", "[1,2]\n", 0, 1},
		{"string metric", `{"epoch":1,"val_loss":"x"}`, 0, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ReadEpochs(strings.NewReader(tt.in))
			if len(got) != tt.epochs {
				t.Errorf("%d epochs, want %d", len(got), tt.epochs)
			}
			var le *LineError
			switch {
			case tt.errLine == 0 && err != nil:
				t.Errorf("unexpected error %v", err)
			case tt.errLine != 0 && (!errors.As(err, &le) || le.Line != tt.errLine):
				t.Errorf("error %v, want one at line %d", err, tt.errLine)
			}
		})
	}
}

func TestReadEpochsNaN(t *testing.T) {
	got, err := ReadEpochs(strings.NewReader(`{"epoch":1,"train_loss":null,"val_loss":0.25}`))
	if err != nil || len(got) != 1 {
		t.Fatal(got, err)
	}
	if !math.IsNaN(got[0].TrainLoss) || got[0].ValLoss != 0.25 || !math.IsNaN(got[0].ValAccuracy) {
		t.Errorf("got %+v; absent and null metrics should be NaN", got[0])
	}
}

func TestStepsLines(t *testing.T) {
	var b []byte
	b = appendSteps(b, []float64{0.5, math.NaN(), math.Inf(1)})
	b = appendSteps(b, []float64{1e-300})
	got, err := readSteps(bytes.NewReader(b))
	if err != nil || len(got) != 4 || got[0] != 0.5 || !math.IsNaN(got[1]) || !math.IsNaN(got[2]) || got[3] != 1e-300 {
		t.Fatalf("got %v, %v from %s", got, err, b)
	}
}

// FuzzReadEpochs checks that any input gives epochs or a *LineError, never
// a panic, and that the epochs read survive a write/read round trip.
func FuzzReadEpochs(f *testing.F) {
	f.Add([]byte(`{"epoch":1,"train_loss":0.69,"val_loss":null,"steps":10}` + "\n"))
	f.Add([]byte(`{"epoch":1}` + "\n" + `{"epoch":2,"train_lo`))
	f.Add([]byte("\n\n[]\nnull\n"))
	f.Add([]byte(`{"epoch":1e400}`))
	f.Add([]byte(`{"epoch":1,"learning_rate":-0,"seconds":1e308}` + "\r\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		epochs, err := ReadEpochs(bytes.NewReader(data))
		var le *LineError
		if err != nil && !errors.As(err, &le) {
			t.Fatalf("error %v is not a *LineError", err)
		}
		if n := bytes.Count(data, []byte("\n")) + 1; len(epochs) > n {
			t.Fatalf("%d epochs from %d lines", len(epochs), n)
		}
		var buf bytes.Buffer
		for _, e := range epochs {
			if e.Epoch < 1 {
				t.Fatalf("epoch number %d accepted", e.Epoch)
			}
			line, err := json.Marshal(e)
			if err != nil {
				t.Fatalf("epoch %+v read but cannot be written: %v", e, err)
			}
			buf.Write(line)
			buf.WriteByte('\n')
		}
		again, err := ReadEpochs(&buf)
		if err != nil || len(again) != len(epochs) {
			t.Fatalf("round trip: %d epochs, %v; want %d", len(again), err, len(epochs))
		}
		for i := range again {
			if !again[i].Equal(epochs[i]) {
				t.Fatalf("round trip changed epoch %d: %+v → %+v", i, epochs[i], again[i])
			}
		}
	})
}

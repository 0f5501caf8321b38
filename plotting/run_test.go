package plotting

import (
	"reflect"
	"testing"
)

func TestLabels(t *testing.T) {
	runs := []Run{
		{Values: map[string]any{"learning_rate": 0.1, "batch_size": 32, "optimizer": "adam"}},
		{Values: map[string]any{"learning_rate": 0.01, "batch_size": 32, "optimizer": "sgd"}},
		{Label: "mine", Values: map[string]any{"learning_rate": 0.01, "batch_size": 32}},
	}
	if got, want := Differing(runs), []string{"learning_rate", "optimizer"}; !reflect.DeepEqual(got, want) {
		t.Errorf("Differing = %v, want %v", got, want)
	}
	want := []string{"learning_rate=0.1, optimizer=adam", "learning_rate=0.01, optimizer=sgd", "mine"}
	if got := Labels(runs); !reflect.DeepEqual(got, want) {
		t.Errorf("Labels = %q, want %q", got, want)
	}
	same := []Run{{Values: map[string]any{"a": 1}}, {Values: map[string]any{"a": 1}}}
	if got := Labels(same); !reflect.DeepEqual(got, []string{"run 1", "run 2"}) {
		t.Errorf("Labels of equal runs = %q", got)
	}
}

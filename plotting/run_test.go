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
	want := []string{"learning_rate=0.1, optimizer=adam", "learning_rate=0.01, optimizer=sgd", "mine"}
	if got := Labels(runs); !reflect.DeepEqual(got, want) {
		t.Errorf("Labels = %q, want %q", got, want)
	}
	same := []Run{{Values: map[string]any{"a": 1}}, {Values: map[string]any{"a": 1}}}
	if got := Labels(same); !reflect.DeepEqual(got, []string{"run 1", "run 2"}) {
		t.Errorf("Labels of equal runs = %q", got)
	}
	// A stored run (JSON numbers, lists as []any) and a live one agree;
	// a run without the name shows "none".
	mixed := []Run{
		{Values: map[string]any{"fnn_hidden": []int{8, 8}, "seed": 123456789, "momentum": 0.5}},
		{Values: map[string]any{"fnn_hidden": []any{16.0, 16.0}, "seed": 123456789.0}},
	}
	want = []string{"fnn_hidden=8,8, momentum=0.5", "fnn_hidden=16,16, momentum=none"}
	if got := Labels(mixed); !reflect.DeepEqual(got, want) {
		t.Errorf("Labels of live and stored runs = %q, want %q", got, want)
	}
}

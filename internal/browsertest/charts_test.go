package browsertest

import (
	"strings"
	"testing"
)

func TestDiff(t *testing.T) {
	got := []Chart{{ID: "a", Title: "Loss", Series: []Series{{Name: "train loss", Type: "line", Points: 4}}}}
	for _, tc := range []struct {
		name string
		want []Chart
		diff string // a part of the expected message, "" for a match
	}{
		{"match", []Chart{{Series: []Series{{Name: "train loss", Points: 4}}}}, ""},
		{"match with id and type", []Chart{{ID: "a", Title: "Loss", Series: []Series{{Name: "train loss", Type: "line", Points: 4}}}}, ""},
		{"points", []Chart{{Series: []Series{{Name: "train loss", Points: 5}}}}, "series"},
		{"name", []Chart{{Series: []Series{{Name: "val loss", Points: 4}}}}, "series"},
		{"type", []Chart{{Series: []Series{{Name: "train loss", Type: "bar", Points: 4}}}}, "series"},
		{"id", []Chart{{ID: "b", Series: got[0].Series}}, `id "a", want "b"`},
		{"count", nil, "1 charts, want 0"},
	} {
		d := Diff(got, tc.want)
		if (tc.diff == "") != (d == "") || !strings.Contains(d, tc.diff) {
			t.Errorf("%s: Diff = %q, want it to hold %q", tc.name, d, tc.diff)
		}
	}
}

func TestPoints(t *testing.T) {
	series := []Series{{Name: "train loss", Points: 4}, {Name: "val loss", Points: 3}}
	if got := Points(series...); got != 7 {
		t.Errorf("Points = %d, want 4+3", got)
	}
	if got := Points(); got != 0 {
		t.Errorf("Points of no series = %d, want 0", got)
	}
}

package hparams

import "testing"

func TestNumber(t *testing.T) {
	tests := []struct {
		v    any
		want float64
		ok   bool
	}{
		{0.5, 0.5, true}, {float32(2), 2, true}, {3, 3, true}, {int64(-4), -4, true}, {uint8(7), 7, true},
		{"0.5", 0, false}, {true, 0, false}, {nil, 0, false}, {[]int{1}, 0, false},
	}
	for _, tt := range tests {
		got, ok := Number(tt.v)
		if got != tt.want || ok != tt.ok {
			t.Errorf("Number(%#v) = %v, %v; want %v, %v", tt.v, got, ok, tt.want, tt.ok)
		}
	}
}

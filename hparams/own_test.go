package hparams

import (
	"strings"
	"testing"
)

// The own:"true" tag and the Own option mark the same thing.
func TestOwnMarker(t *testing.T) {
	type cfg struct {
		Temperature float64 `hp:"temperature" default:"1" own:"true"`
		Epochs      int     `hp:"epochs" default:"3"`
	}
	tagged := MustSpecOf(cfg{})
	built := NewBuilder().Float("temperature", 1, "", Own()).Int("epochs", 3, "").MustSpec()
	if !tagged.Equal(built) {
		t.Errorf("tag and builder differ: %+v vs %+v", tagged.Params(), built.Params())
	}
	if p, _ := tagged.Lookup("temperature"); !p.Own {
		t.Error("temperature is not Own")
	}
	if p, _ := tagged.Lookup("epochs"); p.Own {
		t.Error("epochs is Own without a marker")
	}
	type bad struct {
		X int `hp:"x" own:"yes please"`
	}
	if _, err := SpecOf(bad{}); err == nil || !strings.Contains(err.Error(), "not true or false") {
		t.Errorf("bad own tag: %v", err)
	}
}

package lab

import (
	"testing"
)

// A group named by Labels shows the name of the language in effect, and
// gives a verdict both names: English for the English sentence, Chinese for
// the Chinese one (whatever the language in effect).
func TestLabelsNameGroupsInBothLanguages(t *testing.T) {
	Language("zh")
	t.Cleanup(func() { Language("") })
	g := TrainSeeds(quick(t), "moons", 2, Quiet(), Runs(""), small, Labels("step", "阶梯"))
	if g.Label != "阶梯" {
		t.Errorf("legend label %q in Chinese; want 阶梯", g.Label)
	}
	e := Evidence(g)[0]
	if e.Label != "step" || e.LabelZh != "阶梯" {
		t.Errorf("verdict labels %q / %q; want step / 阶梯", e.Label, e.LabelZh)
	}
}

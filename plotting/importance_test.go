package plotting

import (
	"math"
	"reflect"
	"strings"
	"testing"
)

func TestImportanceInfo(t *testing.T) {
	d := ImportanceInfo([]ImportanceBar{{"a", 0.5}, {"b", math.NaN()}, {"c", 0.1}}, "fANOVA")
	want := ImportanceData{Title: "Hyperparameter importance", Method: "fANOVA", Bars: []ImportanceBar{{"a", 0.5}, {"c", 0.1}}}
	if !reflect.DeepEqual(d, want) {
		t.Errorf("ImportanceInfo = %+v, want %+v", d, want)
	}
	if ImportanceInfo(nil, "fANOVA").Notice == "" {
		t.Error("no bars gave no notice")
	}
}

func TestImportanceStatesItsMethod(t *testing.T) {
	method := strings.Repeat("fANOVA main effects of a random forest ", 5)
	b, err := Importance([]ImportanceBar{{"learning_rate", 0.9}}, method).OptionJSON()
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), `"subtext":"fANOVA main effects`) {
		t.Errorf("the method is not under the title: %s", b)
	}
	for _, line := range strings.Split(wrap(method, 110), "\n") {
		if len(line) > 110 {
			t.Errorf("wrapped line too long: %q", line)
		}
	}
}

package evidence

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hyperlab-go/hyperlab/history"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden")

func hist(vals ...float64) *history.History {
	h := &history.History{Status: history.Finished}
	for i, v := range vals {
		h.Epochs = append(h.Epochs, history.Epoch{Epoch: i + 1, TrainLoss: v / 2, ValLoss: v})
	}
	return h
}

func group(label string, finals ...float64) Group {
	var hs []*history.History
	for _, f := range finals {
		hs = append(hs, hist(1, f))
	}
	return NewGroup(label, hs...)
}

var finalVal = Measure{Metric: history.ValLoss, At: Final}

func TestVerdictLowerOutcomes(t *testing.T) {
	for _, tt := range []struct {
		name string
		c    Claim
		want Outcome
		says string
	}{
		{"beyond spread", LowerThan("x", finalVal, group("a", .3, .31, .29), group("b", .5, .52, .48)), Supported, "exceeds the seed spread"},
		{"other way", LowerThan("x", finalVal, group("a", .5, .52, .48), group("b", .3, .31, .29)), Refuted, "goes the other way"},
		{"within spread", LowerThan("x", finalVal, group("a", .3, .4, .2), group("b", .32, .42, .22)), Depends, "within the seed spread"},
		{"one seed", LowerThan("x", finalVal, group("a", .1), group("b", .9)), Depends, "one run per group"},
		{"higher", HigherThan("x", finalVal, group("a", .5, .52, .48), group("b", .3, .31, .29)), Supported, "higher than"},
		{"range overlap", func() Claim {
			c := LowerThan("x", finalVal, group("a", .3, .31, .45), group("b", .4, .5, .6))
			c.Spread = Range
			return c
		}(), Depends, "ranges over seeds overlap"},
		{"gap", HigherThan("x", Gap(), group("a", .5, .52, .48), group("b", .3, .31, .29)), Supported, "gap validation loss − training loss"},
	} {
		v, err := Judge(tt.c)
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		if v.Outcome != tt.want || !strings.Contains(v.English, tt.says) {
			t.Errorf("%s: %s, %q; want %s saying %q", tt.name, v.Outcome, v.English, tt.want, tt.says)
		}
		if v.Chinese == "" || !strings.Contains(v.Chinese, outcomeWords[tt.want].zh) {
			t.Errorf("%s: Chinese %q lacks %q", tt.name, v.Chinese, outcomeWords[tt.want].zh)
		}
	}
}

func TestVerdictTrend(t *testing.T) {
	falling := []Group{group("1", .9, .91, .89), group("2", .6, .61, .59), group("3", .3, .31, .29)}
	if v := MustJudge(Falls("f", finalVal, "n", falling...)); v.Outcome != Supported {
		t.Errorf("falling means: %s (%s)", v.Outcome, v.English)
	}
	if v := MustJudge(Rises("r", finalVal, "n", falling...)); v.Outcome != Refuted {
		t.Errorf("rising claim on falling means: %s (%s)", v.Outcome, v.English)
	}
	noisy := []Group{group("1", .5, .7, .3), group("2", .49, .69, .29), group("3", .48, .68, .28)}
	if v := MustJudge(Falls("f", finalVal, "n", noisy...)); v.Outcome != Depends || !strings.Contains(v.English, "on the seed") {
		t.Errorf("falling within noise: %s (%s)", v.Outcome, v.English)
	}
}

func TestVerdictSmoothAndWobble(t *testing.T) {
	down := &history.History{StepLoss: []float64{1, .9, .8, .7, .65, .6, .55}}
	v := MustJudge(SmoothClaim("s", string(StepLoss), NewGroup("g", down, down)))
	if v.Outcome != Supported {
		t.Errorf("a steady descent: %s (%s)", v.Outcome, v.English)
	}
	if ch, _ := Wobble([]float64{1, 2, 1, 2, 1}); ch != 1 {
		t.Errorf("Wobble of 1,2,1,2,1: changes %g, want 1", ch)
	}
	if ch, _ := Wobble([]float64{1, 2, 1, nanF(), 5, 1}); ch != 1 {
		t.Errorf("Wobble stops at NaN: changes %g, want 1", ch)
	}
}

func nanF() float64 { var z float64; return z / z }

func TestVerdictBadClaims(t *testing.T) {
	for _, tt := range []struct {
		c    Claim
		want string
	}{
		{Claim{Rule: Lower}, "needs an ID"},
		{Claim{ID: "x", Rule: "bigger"}, `unknown rule "bigger"; use one of `},
		{Claim{ID: "x", Rule: "lowr"}, `did you mean "lower"?`},
		{Claim{ID: "x", Rule: Lower, Measure: finalVal, Groups: []Group{group("a", 1)}}, "two groups"},
		{LowerThan("x", Measure{Metric: "val_los", At: Final}, group("a", 1), group("b", 1)), `unknown metric "val_los"`},
		{LowerThan("x", finalVal, Group{Label: "empty"}, group("b", 1)), `group "empty" has no runs`},
		{LowerThanNeighbours("x", finalVal, "b", []Group{group("a", 1), group("b", 1)}, []bool{true}), "marks 1 groups of 2"},
	} {
		if _, err := Judge(tt.c); err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("Judge(%+v) = %v, want an error with %q", tt.c.ID, err, tt.want)
		}
	}
}

// The box escapes labels, carries the claim for Find, and is pinned by a golden file.
func TestVerdictHTMLGolden(t *testing.T) {
	a := group(`<script>alert("a")</script>`, .3, .31, .29)
	a.Values = map[string]any{"l2_regularization": 0.01}
	v := MustJudge(LowerThan("l2-lowers-loss", finalVal, a, group("b & c", .5, .52, .48)))
	got := v.HTML()
	if strings.Contains(got, "<script>") {
		t.Fatalf("label not escaped: %s", got)
	}
	golden := filepath.Join("testdata", "verdict.golden")
	if *update {
		if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if got != string(want) {
		t.Errorf("verdict HTML differs from %s (run with -update after checking):\n%s", golden, got)
	}
}

// Recheck passes on the same runs, and fails when the data changes
// direction or the saved box was edited by hand.
func TestVerdictRecheck(t *testing.T) {
	a, b := group("a", .3, .31, .29), group("b", .5, .52, .48)
	for i := range a.Runs {
		a.Runs[i].ID, b.Runs[i].ID = "a"+string(rune('0'+i)), "b"+string(rune('0'+i))
	}
	store := map[string]*history.History{}
	for _, g := range []Group{a, b} {
		for _, r := range g.Runs {
			store[r.ID] = r.History
		}
	}
	load := func(r Run) (*history.History, error) { return store[r.ID], nil }
	page := "<p>before</p>" + MustJudge(LowerThan("a-lower", finalVal, a, b)).HTML() + "<p>after</p>"
	saved, err := Find(page)
	if err != nil || len(saved) != 1 {
		t.Fatalf("Find: %d boxes, %v", len(saved), err)
	}
	if saved[0].Claim.ID != "a-lower" || saved[0].Outcome != Supported || saved[0].Claim.Groups[0].Runs[0].History != nil {
		t.Fatalf("Find read %+v", saved[0])
	}
	if _, err := Recheck(saved[0], load); err != nil {
		t.Errorf("Recheck on unchanged runs: %v", err)
	}
	edited := saved[0]
	edited.HTML = strings.Replace(edited.HTML, "Supported", "Strongly supported", 1)
	if _, err := Recheck(edited, load); err == nil || !strings.Contains(err.Error(), "differs") {
		t.Errorf("Recheck of a hand-edited box: %v, want an error", err)
	}
	store["a0"], store["a1"], store["a2"] = hist(1, .7), hist(1, .71), hist(1, .69)
	if _, err := Recheck(saved[0], load); err == nil || !strings.Contains(err.Error(), "the stored runs say refuted") {
		t.Errorf("Recheck after the data changed direction: %v, want an error", err)
	}
}

// Retrained runs may move the last digits; a saved box within Tolerance
// still passes, a number edited beyond it does not.
func TestVerdictRecheckTolerance(t *testing.T) {
	if err := sameBox("loss 0.3001 ± 0.01", "loss 0.3 ± 0.01"); err != nil {
		t.Errorf("within tolerance: %v", err)
	}
	if err := sameBox("loss 0.3 ± 0.01", "loss 0.25 ± 0.01"); err == nil || !strings.Contains(err.Error(), "0.25 is now 0.3") {
		t.Errorf("beyond tolerance: %v", err)
	}
	if err := sameBox("loss is lower", "loss is higher"); err == nil {
		t.Error("different words passed")
	}
}

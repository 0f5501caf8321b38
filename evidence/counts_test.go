package evidence

import (
	"strconv"
	"strings"
	"testing"

	"github.com/hyperlab-go/hyperlab/history"
)

// timedGroup is one batch size timed over repetitions, one epoch each.
func timedGroup(batch int, secs ...float64) Group {
	var hs []*history.History
	for _, s := range secs {
		hs = append(hs, &history.History{Status: history.Finished, Epochs: []history.Epoch{{Epoch: 1, Seconds: s}}})
	}
	g := NewGroup("batch_size="+strconv.Itoa(batch), hs...)
	g.Values = map[string]any{"batch_size": batch}
	return g
}

var epochTime = Measure{Metric: history.Seconds, At: Mean}

func TestTimingJudgesMediansAgainstNoise(t *testing.T) {
	slow := timedGroup(8, .020, .022, .021)
	fast := timedGroup(32, .0090, .0100, .0095)
	// The mean of this group (0.039) is the highest of all: one repetition
	// hit a burst of load. Its median (0.0095) is not, and its range
	// overlaps the others: timing noise, not a slow batch size.
	burst := timedGroup(128, .0095, .1000, .0090)
	near := timedGroup(256, .0070, .0071, .0072) // 1.4× faster than fast: under the factor
	for _, tt := range []struct {
		name string
		c    Claim
		want Outcome
		says []string
	}{
		{"clear fall", TimingClaim("x", epochTime, "batch_size", slow, fast), Supported,
			[]string{"batch_size=8 21 ms (20–22)", "median of 3 repetitions", "batch_size=8 → batch_size=32 2.2× as claimed"}},
		{"clear rise", TimingClaim("x", epochTime, "batch_size", fast, slow), Refuted, []string{"against the claim"}},
		{"under the factor", TimingClaim("x", epochTime, "batch_size", fast, near), Depends,
			[]string{"no clear difference; within timing noise: batch_size=32 → batch_size=256"}},
		{"outlier repetition", TimingClaim("x", epochTime, "batch_size", slow, fast, burst), Depends,
			[]string{"clear differences: batch_size=8 → batch_size=32", "within timing noise: batch_size=32 → batch_size=128", "batch_size=128 9.5 ms (9–100)"}},
		{"neighbours", TimingNeighbours("x", epochTime, "batch_size", []Group{slow, fast, slow}, []bool{false, true, false}), Supported,
			[]string{"at batch_size=32 is shorter than at the neighbouring batch_size", "batch_size=32 vs batch_size=8 2.2× as claimed"}},
		{"neighbours in noise", TimingNeighbours("x", epochTime, "batch_size", []Group{fast, near, fast}, []bool{false, true, false}), Depends,
			[]string{"within timing noise"}},
	} {
		v, err := Judge(tt.c)
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		if v.Outcome != tt.want {
			t.Errorf("%s: outcome %s, want %s: %s", tt.name, v.Outcome, tt.want, v.English)
		}
		for _, s := range tt.says {
			if !strings.Contains(v.English, s) {
				t.Errorf("%s: %q does not say %q", tt.name, v.English, s)
			}
		}
		if strings.Contains(v.English, "seed") || !strings.Contains(v.Chinese, "次重复的中位数") {
			t.Errorf("%s: a timing verdict speaks of repetitions, not seeds: %s / %s", tt.name, v.English, v.Chinese)
		}
	}
}

// curve is a history whose validation loss per epoch is vals.
func curve(vals ...float64) *history.History { return hist(vals...) }

func TestBestEpochOfTheMean(t *testing.T) {
	// Seed 1 dips at epoch 2, seed 2 at epoch 4; their mean is lowest at
	// epoch 4. The rule must read the mean, never one seed's dip.
	g := NewGroup("lr=0.1", curve(.9, .1, .8, .5, .6, .7), curve(.9, .9, .5, .2, .6, .7))
	open := NewGroup("lr=0.01", curve(.9, .8, .7), curve(.9, .7, .6))
	for _, tt := range []struct {
		name string
		c    Claim
		want Outcome
		says string
	}{
		{"inside", BestEpochBetween("x", 3, 5, g), Supported, "lr=0.1: epoch 4 of 6"},
		{"one seed's dip is not the best", BestEpochBetween("x", 1, 2, g), Refuted, "outside the range"},
		{"still falling", BestEpochBetween("x", 1, 100, g, open), Depends, "lr=0.01: epoch 3 of 3, the last one"},
	} {
		v, err := Judge(tt.c)
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		if v.Outcome != tt.want || !strings.Contains(v.English, tt.says) {
			t.Errorf("%s: %s, want %s saying %q", tt.name, v.English, tt.want, tt.says)
		}
	}
	if v := MustJudge(BestEpochBetween("x", 3, 5, g)); !strings.HasPrefix(v.English, "Supported: in this setup, ") {
		t.Errorf("one setup should be worded as one: %s", v.English)
	}
}

// stepped is a run of len(steps) epochs taking steps[i] steps, recording
// losses step losses.
func stepped(losses int, steps ...int) *history.History {
	h := &history.History{Status: history.Finished, StepLoss: make([]float64, losses)}
	for i, s := range steps {
		h.Epochs = append(h.Epochs, history.Epoch{Epoch: i + 1, Steps: s, ValLoss: 1})
	}
	return h
}

func batchGroup(batch int, runs ...*history.History) Group {
	g := NewGroup("batch_size="+strconv.Itoa(batch), runs...)
	g.Values = map[string]any{"batch_size": batch}
	return g
}

func TestStepLogAndStepsPerEpoch(t *testing.T) {
	b8 := batchGroup(8, stepped(400, 200, 200), stepped(400, 200, 200))
	b32 := batchGroup(32, stepped(100, 50, 50), stepped(100, 50, 50))
	b30 := batchGroup(30, stepped(108, 54, 54), stepped(108, 54, 54)) // ⌈1600/30⌉ = 54
	short := batchGroup(32, stepped(99, 50, 50), stepped(100, 50, 50))
	wrong := batchGroup(32, stepped(100, 49, 51), stepped(100, 50, 50))
	for _, tt := range []struct {
		name string
		c    Claim
		want Outcome
		says string
	}{
		{"every step logged", StepLogClaim("x", b8, b32), Supported, "4 of 4 runs record exactly one loss per optimizer step"},
		{"a loss missing", StepLogClaim("x", b8, short), Depends, "not batch_size=32 seed 1 (99 losses, 100 steps)"},
		{"fewer steps", FewerSteps("x", 1600, "batch_size", b8, b32), Supported, "batch_size=8 200 (⌈1600/8⌉ = 200)"},
		{"more steps", FewerSteps("x", 1600, "batch_size", b32, b8), Refuted, "the steps fall at 0 of 1"},
		{"not the formula", FewerSteps("x", 1600, "batch_size", b8, wrong), Refuted, "not ⌈1600 / batch_size⌉ steps at batch_size=32 seed 1: 49"},
		{"formula holds", FewerSteps("x", 1600, "batch_size", b30, b32), Supported, "⌈1600/30⌉ = 54"},
	} {
		v, err := Judge(tt.c)
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		if v.Outcome != tt.want || !strings.Contains(v.English, tt.says) {
			t.Errorf("%s: %s, want %s saying %q", tt.name, v.English, tt.want, tt.says)
		}
	}
}

func TestCountClaimsMalformed(t *testing.T) {
	g := batchGroup(8, stepped(2, 1, 1))
	for _, c := range []Claim{
		BestEpochBetween("x", 10, 5, g),
		FewerSteps("x", 0, "batch_size", g, g),
		FewerSteps("x", 1600, "lr", g, g),
		{ID: "x", Rule: Timing, Measure: epochTime, Threshold: 1, Groups: []Group{g, g}},
		TimingNeighbours("x", epochTime, "batch_size", []Group{g, g}, []bool{true}),
		StepLogClaim("x"),
	} {
		if _, err := Judge(c); err == nil {
			t.Errorf("claim %+v judged without error", c)
		}
	}
}

package lab

import (
	"strings"
	"testing"

	"github.com/hyperlab-go/hyperlab/training"
)

// TestLRSummaryReadsAsSentences: every way training.FindLR says the test
// stopped is a clause of its own, several starting with "the"; the
// summary must not glue it behind "The test" ("The test the smoothed
// loss …", issue 15).
func TestLRSummaryReadsAsSentences(t *testing.T) {
	for _, stopped := range []string{
		"the smoothed loss 2.1 exceeded 4× its minimum 0.5 at step 31 (learning rate 0.8)",
		"the loss became NaN at step 12 (learning rate 3)",
		"reached the last rate 10 after 100 steps",
		"cancelled after 7 steps",
	} {
		got := LRSummary(&training.LRFind{Suggested: 0.01, Rule: "valley", Stopped: stopped})
		want := "Suggested learning rate 0.01 (valley). The test stopped: " + stopped + "."
		if got != want {
			t.Errorf("LRSummary = %q; want %q", got, want)
		}
		if strings.Contains(got, "The test the") || strings.Contains(got, "The test reached") {
			t.Errorf("LRSummary glues the clause to the subject: %q", got)
		}
	}
}

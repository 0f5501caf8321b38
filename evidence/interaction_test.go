package evidence

import (
	"strings"
	"testing"
)

func TestInteraction(t *testing.T) {
	// a: 0.35 → 0.27 (effect −0.08); b: 0.272 → 0.270 (effect −0.002).
	narrow0, narrow1 := group("w16 lr.003", .31, .35, .39), group("w16 lr.01", .26, .27, .28)
	wide0, wide1 := group("w64 lr.003", .264, .272, .280), group("w64 lr.01", .266, .270, .274)
	for _, tt := range []struct {
		name string
		c    Claim
		want Outcome
		says string
	}{
		{"effects differ", Interacts("x", finalVal, narrow0, narrow1, wide0, wide1), Supported, "exceeds the seed spread"},
		{"same effect", Interacts("x", finalVal, narrow0, narrow1, group("b0", .41, .45, .49), group("b1", .36, .37, .38)), Depends, "within the seed spread"},
		{"one seed", Interacts("x", finalVal, group("a0", .5), group("a1", .1), group("b0", .5), group("b1", .5)), Depends, "one run per group"},
	} {
		v, err := Judge(tt.c)
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		if v.Outcome != tt.want || !strings.Contains(v.English, tt.says) || !strings.Contains(v.Chinese, outcomeWords[tt.want].zh) {
			t.Errorf("%s: %s, %q / %q; want %s saying %q", tt.name, v.Outcome, v.English, v.Chinese, tt.want, tt.says)
		}
	}
	v := MustJudge(Interacts("x", finalVal, narrow0, narrow1, wide0, wide1))
	if d := v.Margin - 0.078; d > 1e-9 || d < -1e-9 {
		t.Errorf("margin %v; want |(−0.08) − (−0.002)| = 0.078", v.Margin)
	}
	for _, bad := range []Claim{
		{ID: "x", Rule: Interaction, Measure: finalVal, Groups: []Group{narrow0, narrow1, wide0}},
		func() Claim {
			c := Interacts("x", finalVal, narrow0, narrow1, wide0, wide1)
			c.Spread = Range
			return c
		}(),
	} {
		if _, err := Judge(bad); err == nil || !strings.Contains(err.Error(), "4 groups") && !strings.Contains(err.Error(), "four groups") {
			t.Errorf("malformed interaction claim accepted or badly named: %v", err)
		}
	}
}

// Package evidence turns groups of runs into verdicts on stated claims.
//
// A Group is one configuration trained over several seeds (one
// history.History per seed). A Claim states a rule over groups — "A's
// validation loss is lower than B's beyond the seed spread", "the loss
// falls as the learning rate grows", "the per-step loss oscillates",
// "multiples of 8 are faster than their neighbours", "the effect of the
// learning rate depends on the width" (Interacts) — and Judge computes
// its Verdict: Supported, Refuted or Depends (on what), with the numbers
// (group means, seed spread, margin) and its wording in English and
// Chinese. No conclusion is typed by hand, so prose cannot contradict the
// data it sits above.
//
// A verdict's HTML box carries its claim as JSON in a data attribute
// (data-verdict), with the claim id and outcome beside it. Saved reads the
// boxes back from a saved notebook output and Recheck recomputes each from
// the stored runs, failing when the data changed direction or the box was
// edited by hand.
//
// The statistics are deliberately plain: means, sample standard
// deviations and min–max over seeds, no p-values. A difference counts when
// it exceeds the pooled standard deviation of the two groups (Spread
// "sd", the default) or when their min–max ranges do not overlap (Spread
// "range"); one seed per group never decides.
package evidence

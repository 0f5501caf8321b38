package datasets

import (
	"fmt"
	"math"
)

// Split is a dataset cut into the rows a model trains on, the rows that
// pick hyperparameters (validation), and the rows held back to report the
// final result (test). Validation or Test may be empty (Len() == 0) but are
// never nil.
type Split struct {
	Train, Validation, Test *Dataset
}

// SplitFractions shuffles d's rows with seed and cuts them into a Split
// holding the fractions val and test of the rows (rounded to whole rows)
// for validation and test, and the rest for training. Fractions must be in
// [0, 1) and leave at least one training row.
func SplitFractions(d *Dataset, val, test float64, seed int64) (Split, error) {
	nVal, nTest, err := splitSizes(d, val, test)
	if err != nil {
		return Split{}, err
	}
	idx := newRNG(seed).perm(d.Len())
	return Split{
		Validation: d.subset(idx[:nVal]),
		Test:       d.subset(idx[nVal : nVal+nTest]),
		Train:      d.subset(idx[nVal+nTest:]),
	}, nil
}

// SplitStratified is SplitFractions keeping each class's share the same in
// every part (up to rounding), so a small validation set does not miss a
// class. For a regression set it is SplitFractions.
func SplitStratified(d *Dataset, val, test float64, seed int64) (Split, error) {
	if d != nil && d.Task == Regression {
		return SplitFractions(d, val, test, seed)
	}
	if _, _, err := splitSizes(d, val, test); err != nil {
		return Split{}, err
	}
	r := newRNG(seed)
	byClass := make([][]int, d.NumClasses)
	for _, i := range r.perm(d.Len()) {
		byClass[d.Labels[i]] = append(byClass[d.Labels[i]], i)
	}
	var trainIdx, valIdx, testIdx []int
	for _, rows := range byClass {
		nVal := int(math.Round(val * float64(len(rows))))
		nTest := int(math.Round(test * float64(len(rows))))
		if nVal+nTest > len(rows) {
			nTest = len(rows) - nVal
		}
		valIdx = append(valIdx, rows[:nVal]...)
		testIdx = append(testIdx, rows[nVal:nVal+nTest]...)
		trainIdx = append(trainIdx, rows[nVal+nTest:]...)
	}
	if len(trainIdx) == 0 {
		return Split{}, fmt.Errorf("datasets: %s: validation=%g and test=%g leave no training rows; lower them", d.Name, val, test)
	}
	// Interleave the classes again within each part.
	r.shuffle(trainIdx)
	r.shuffle(valIdx)
	r.shuffle(testIdx)
	return Split{Train: d.subset(trainIdx), Validation: d.subset(valIdx), Test: d.subset(testIdx)}, nil
}

func splitSizes(d *Dataset, val, test float64) (nVal, nTest int, err error) {
	if d == nil {
		return 0, 0, fmt.Errorf("datasets: cannot split a nil dataset")
	}
	if err := d.Validate(); err != nil {
		return 0, 0, err
	}
	for _, f := range []struct {
		name string
		v    float64
	}{{"validation", val}, {"test", test}} {
		if !(f.v >= 0 && f.v < 1) { // also catches NaN
			return 0, 0, fmt.Errorf("datasets: %s fraction %g is outside [0, 1)", f.name, f.v)
		}
	}
	n := d.Len()
	nVal = int(math.Round(val * float64(n)))
	nTest = int(math.Round(test * float64(n)))
	if nVal+nTest >= n {
		return 0, 0, fmt.Errorf("datasets: %s: validation=%g and test=%g of %d rows leave no training rows; lower them or use more rows", d.Name, val, test, n)
	}
	return nVal, nTest, nil
}

package training

import (
	"math/rand/v2"
	"sort"
)

// forest is a random forest of regression trees (Breiman 2001): each tree
// is a CART tree grown on a bootstrap sample of the rows, splitting on the
// feature and threshold that most reduce the squared error, down to leaves
// of minLeaf rows. Importance uses it as the surrogate of the objective.
type forest struct{ trees []*node }

type node struct {
	feature   int // -1 at a leaf
	threshold float64
	value     float64 // mean of the leaf's rows
	lo, hi    *node   // x[feature] <= threshold, and above
}

const minLeaf = 2

func growForest(x [][]float64, y []float64, trees int, rng *rand.Rand) *forest {
	f := &forest{}
	for range trees {
		idx := make([]int, len(y))
		for i := range idx {
			idx[i] = rng.IntN(len(y))
		}
		f.trees = append(f.trees, grow(x, y, idx))
	}
	return f
}

func (f *forest) predict(x []float64) float64 {
	s := 0.0
	for _, t := range f.trees {
		n := t
		for n.feature >= 0 {
			if x[n.feature] <= n.threshold {
				n = n.lo
			} else {
				n = n.hi
			}
		}
		s += n.value
	}
	return s / float64(len(f.trees))
}

// grow builds a tree over the rows idx.
func grow(x [][]float64, y []float64, idx []int) *node {
	mean := 0.0
	for _, i := range idx {
		mean += y[i]
	}
	mean /= float64(len(idx))
	leaf := &node{feature: -1, value: mean}
	if len(idx) < 2*minLeaf {
		return leaf
	}
	bestGain, bestF, bestT := 1e-12, -1, 0.0
	total := 0.0
	for _, i := range idx {
		total += (y[i] - mean) * (y[i] - mean)
	}
	sorted := make([]int, len(idx))
	for feat := range x[idx[0]] {
		copy(sorted, idx)
		sort.Slice(sorted, func(a, b int) bool { return x[sorted[a]][feat] < x[sorted[b]][feat] })
		// Running sums give each split's squared error in one pass.
		var sumL, sqL float64
		var sumAll, sqAll float64
		for _, i := range sorted {
			sumAll += y[i]
			sqAll += y[i] * y[i]
		}
		for k := 0; k < len(sorted)-1; k++ {
			yi := y[sorted[k]]
			sumL += yi
			sqL += yi * yi
			nl, nr := float64(k+1), float64(len(sorted)-k-1)
			a, b := x[sorted[k]][feat], x[sorted[k+1]][feat]
			if k+1 < minLeaf || len(sorted)-k-1 < minLeaf || a == b {
				continue
			}
			sse := (sqL - sumL*sumL/nl) + (sqAll - sqL - (sumAll-sumL)*(sumAll-sumL)/nr)
			if gain := total - sse; gain > bestGain {
				bestGain, bestF, bestT = gain, feat, (a+b)/2
			}
		}
	}
	if bestF < 0 {
		return leaf
	}
	var lo, hi []int
	for _, i := range idx {
		if x[i][bestF] <= bestT {
			lo = append(lo, i)
		} else {
			hi = append(hi, i)
		}
	}
	return &node{feature: bestF, threshold: bestT, lo: grow(x, y, lo), hi: grow(x, y, hi)}
}

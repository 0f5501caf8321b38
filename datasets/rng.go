package datasets

import (
	"math"
	"math/rand/v2"
)

// rng derives uniform floats, normals and shuffles from a PCG source. PCG
// is a specified algorithm, so its Uint64 stream is stable; rand.Rand's
// Float64/NormFloat64/Shuffle are not promised to be, so they are written out
// here to keep every seeded dataset identical across Go releases.
type rng struct{ src *rand.PCG }

// The second PCG word is fixed so that one int64 seed names one stream.
const pcgStream = 0x9e3779b97f4a7c15

func newRNG(seed int64) *rng { return &rng{rand.NewPCG(uint64(seed), pcgStream)} }

// float is uniform in [0, 1).
func (r *rng) float() float64 { return float64(r.src.Uint64()>>11) / (1 << 53) }

// uniform is uniform in [lo, hi).
func (r *rng) uniform(lo, hi float64) float64 { return lo + (hi-lo)*r.float() }

// normal is a standard normal (Box–Muller, one of the pair).
func (r *rng) normal() float64 {
	u1 := r.float()
	for u1 == 0 {
		u1 = r.float()
	}
	u2 := r.float()
	return math.Sqrt(-2*math.Log(u1)) * math.Cos(2*math.Pi*u2)
}

// intN is uniform in [0, n), without modulo bias.
func (r *rng) intN(n int) int {
	un := uint64(n)
	limit := math.MaxUint64 - math.MaxUint64%un
	for {
		if v := r.src.Uint64(); v < limit {
			return int(v % un)
		}
	}
}

// shuffle permutes idx in place (Fisher–Yates).
func (r *rng) shuffle(idx []int) {
	for i := len(idx) - 1; i > 0; i-- {
		j := r.intN(i + 1)
		idx[i], idx[j] = idx[j], idx[i]
	}
}

// perm returns a random permutation of [0, n).
func (r *rng) perm(n int) []int {
	idx := make([]int, n)
	for i := range idx {
		idx[i] = i
	}
	r.shuffle(idx)
	return idx
}

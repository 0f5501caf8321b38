package training

import (
	"math/rand/v2"

	"github.com/hyperlab-go/hyperlab/datasets"
)

// batcher cuts a dataset into fixed-size batches. The last, partial batch
// of an epoch is padded with zero rows whose mask is 0, so the graph is
// compiled for one shape only and every row counts once per epoch. (The
// alternative, dropping the partial batch, would make the steps per epoch
// floor(rows/batch_size) and leave rows out of each epoch.)
type batcher struct {
	d       *datasets.Dataset
	size    int
	order   []int
	shuffle bool
	seed    uint64

	// Buffers reused across batches.
	x       []float32
	labels  []int32
	targets []float32
	mask    []float32
}

func newBatcher(d *datasets.Dataset, size int, shuffle bool, seed int64) *batcher {
	n := d.Len()
	b := &batcher{d: d, size: size, shuffle: shuffle, seed: uint64(seed), order: make([]int, n),
		x: make([]float32, size*d.NumFeatures), mask: make([]float32, size)}
	for i := range b.order {
		b.order[i] = i
	}
	if d.Task == datasets.Classification {
		b.labels = make([]int32, size)
	} else {
		b.targets = make([]float32, size)
	}
	return b
}

// steps is the number of batches per epoch: ceil(rows/size).
func (b *batcher) steps() int { return (b.d.Len() + b.size - 1) / b.size }

// startEpoch reshuffles the row order for epoch (from 1) when shuffling is
// on. The permutation depends only on the seed and the epoch.
func (b *batcher) startEpoch(epoch int) {
	if !b.shuffle {
		return
	}
	for i := range b.order {
		b.order[i] = i
	}
	rng := rand.New(rand.NewPCG(b.seed, uint64(epoch)))
	rng.Shuffle(len(b.order), func(i, j int) { b.order[i], b.order[j] = b.order[j], b.order[i] })
}

// fill loads batch k (from 0) of the current epoch into the buffers and
// returns how many real rows it holds.
func (b *batcher) fill(k int) int {
	f := b.d.NumFeatures
	start := k * b.size
	real := min(b.size, len(b.order)-start)
	for i := 0; i < b.size; i++ {
		if i >= real {
			clear(b.x[i*f : (i+1)*f])
			b.mask[i] = 0
			if b.labels != nil {
				b.labels[i] = 0
			} else {
				b.targets[i] = 0
			}
			continue
		}
		row := b.order[start+i]
		copy(b.x[i*f:(i+1)*f], b.d.X[row*f:(row+1)*f])
		b.mask[i] = 1
		if b.labels != nil {
			b.labels[i] = b.d.Labels[row]
		} else {
			b.targets[i] = b.d.Targets[row]
		}
	}
	return real
}

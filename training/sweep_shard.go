package training

import (
	"fmt"
	"strconv"
	"strings"
)

// Shard names one part of a sweep's trial list when several processes (or
// machines, or a Kubernetes Indexed Job) share a sweep: trial i belongs to
// shard i mod Count. The split depends only on the trial list, so every
// shard computes it alone and all of them write to one run store. The zero
// value (Count 0) is the whole list.
type Shard struct {
	Index int // from 0
	Count int // number of shards; 0 or 1 means no sharding
}

// ParseShard reads "i/n" (shard i of n, i from 0), the form of --shard.
func ParseShard(s string) (Shard, error) {
	a, b, ok := strings.Cut(strings.TrimSpace(s), "/")
	i, err1 := strconv.Atoi(a)
	n, err2 := strconv.Atoi(b)
	if !ok || err1 != nil || err2 != nil {
		return Shard{}, fmt.Errorf("training: shard %q is not of the form i/n (for example 0/4)", s)
	}
	sh := Shard{Index: i, Count: n}
	return sh, sh.Validate()
}

// Validate reports a shard whose index is outside 0..Count-1.
func (s Shard) Validate() error {
	switch {
	case s.Count < 0:
		return fmt.Errorf("training: shard count %d is negative; use 1 or more shards", s.Count)
	case s.Count == 0 && s.Index != 0:
		return fmt.Errorf("training: shard index %d given without a shard count", s.Index)
	case s.Count > 0 && (s.Index < 0 || s.Index >= s.Count):
		return fmt.Errorf("training: shard index %d is outside 0..%d for %d shards", s.Index, s.Count-1, s.Count)
	}
	return nil
}

// Owns reports whether trial i (its index in the full trial list) is this
// shard's.
func (s Shard) Owns(i int) bool {
	return s.Count <= 1 || i%s.Count == s.Index
}

// String is the "i/n" form, or "all" for the whole list.
func (s Shard) String() string {
	if s.Count <= 1 {
		return "all"
	}
	return fmt.Sprintf("%d/%d", s.Index, s.Count)
}

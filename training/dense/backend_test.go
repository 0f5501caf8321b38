package dense_test

import (
	"testing"

	"github.com/gomlx/gomlx/backends"

	"github.com/hyperlab-go/hyperlab/training/dense"
)

func TestSimpleGoConfig(t *testing.T) {
	cases := []struct {
		batch int
		sizes []int
		want  string
	}{
		{32, []int{2, 16, 16, 2}, "go:ops_sequential"},
		{128, []int{784, 128, 10}, "go:ops_sequential,dotgeneral_large"},
		{128, []int{127, 10}, "go:ops_sequential"},                  // 16256 < 16384
		{128, []int{128, 10}, "go:ops_sequential,dotgeneral_large"}, // exactly 16384
		{1, []int{20000}, "go:ops_sequential,dotgeneral_large"},
		{0, nil, "go:ops_sequential"},
	}
	for _, c := range cases {
		got := dense.SimpleGoConfig(c.batch, c.sizes...)
		if got != c.want {
			t.Errorf("SimpleGoConfig(%d, %v) = %q, want %q", c.batch, c.sizes, got, c.want)
		}
		// simplego must accept it.
		b, err := backends.NewWithConfig(got)
		if err != nil {
			t.Fatalf("simplego rejects %q: %v", got, err)
		}
		b.Finalize()
	}
}

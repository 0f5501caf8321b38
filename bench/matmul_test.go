package main

import (
	"fmt"
	"testing"

	"github.com/gomlx/gomlx/backends"
	"github.com/gomlx/gomlx/pkg/core/graph"
	"github.com/gomlx/gomlx/pkg/core/tensors"
)

// BenchmarkMatMul times the matrix products of the MNIST step on simplego,
// with its default choice of DotGeneral algorithm and with the blocked
// ("large") one forced. simplego picks its single-threaded "small" kernel
// when lhs cross × rhs cross ≤ 16384, which is exactly the MNIST forward
// product [128,784]·[784,128]:
//
//	go test -run '^$' -bench MatMul ./bench
func BenchmarkMatMul(b *testing.B) {
	products := []struct {
		name                     string
		lhsDims, rhsDims         []int
		lhsContract, rhsContract int
	}{
		{"forward x·W 128x784·784x128", []int{128, 784}, []int{784, 128}, 1, 0},
		{"dW xᵀ·dY 784x128·128x128", []int{128, 784}, []int{128, 128}, 0, 0},
		{"dX dY·Wᵀ 128x10·10x128", []int{128, 10}, []int{128, 10}, 1, 1},
		{"eval x·W 1024x784·784x128", []int{1024, 784}, []int{784, 128}, 1, 0},
		{"toy h·W 32x16·16x16", []int{32, 16}, []int{16, 16}, 1, 0},
	}
	for _, cfg := range []string{"go", "go:dotgeneral_large"} {
		backend, err := backends.NewWithConfig(cfg)
		if err != nil {
			b.Fatal(err)
		}
		for _, p := range products {
			b.Run(fmt.Sprintf("%s/%s", cfg, p.name), func(b *testing.B) {
				exec, err := graph.NewExec(backend, func(lhs, rhs *graph.Node) *graph.Node {
					return graph.DotGeneral(lhs, []int{p.lhsContract}, nil, rhs, []int{p.rhsContract}, nil)
				})
				if err != nil {
					b.Fatal(err)
				}
				lhs := tensors.FromFlatDataAndDimensions(make([]float32, p.lhsDims[0]*p.lhsDims[1]), p.lhsDims...)
				rhs := tensors.FromFlatDataAndDimensions(make([]float32, p.rhsDims[0]*p.rhsDims[1]), p.rhsDims...)
				cpu := processCPU()
				for b.Loop() {
					out, err := exec.Exec(lhs, rhs)
					if err != nil {
						b.Fatal(err)
					}
					out[0].FinalizeAll()
				}
				reportCPU(b, cpu)
			})
		}
	}
}

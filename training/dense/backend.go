package dense

import "strings"

// largeProductOutputs is the output size (rows × columns of a product)
// above which simplego v0.26.0 picks its blocked, multi-threaded DotGeneral
// kernel by itself (16 blocks of 32×32 float32). At or below it the product
// runs on one thread with a simpler kernel: the MNIST forward product
// [128,784]·[784,128] has exactly 16384 outputs and lands there.
const largeProductOutputs = 16 * 32 * 32

// SimpleGoConfig returns a GoMLX backend configuration string for simplego
// ("go:..."; pass it to backends.NewWithConfig or put it in GOMLX_BACKEND)
// suited to an MLP trained with Apply on batches of batch rows, whose layer
// widths (inputs, hidden units, outputs) are layerSizes:
//
//   - ops_sequential always: simplego otherwise starts a goroutine per graph
//     node, which costs more than the arithmetic of a small model (a 2-16-16-2
//     Adam step spends most of its time in the Go scheduler and stack growth);
//   - dotgeneral_large when batch × (widest layer) reaches
//     largeProductOutputs (16384): the step's big products then run on the
//     blocked kernel, which uses every core, instead of the one-thread
//     kernel simplego picks for outputs of up to 16384 elements; on tiny
//     products the blocked kernel's padding costs more, so small models keep
//     simplego's own choice.
//
// The measurements behind this choice are in docs/benchmarks.md.
func SimpleGoConfig(batch int, layerSizes ...int) string {
	opts := []string{"ops_sequential"}
	widest := 0
	for _, n := range layerSizes {
		widest = max(widest, n)
	}
	if batch*widest >= largeProductOutputs {
		opts = append(opts, "dotgeneral_large")
	}
	return "go:" + strings.Join(opts, ",")
}

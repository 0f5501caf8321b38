// Command bench measures hyperlab's training speed side by side with stock
// GoMLX and PyTorch, and rewrites docs/benchmarks.md with the results:
//
//	bash bench/run.sh          # installs Debian's python3-torch if missing, then runs everything
//	go run ./bench             # the same, when PyTorch is already there
//	go run ./bench -items steps -cases mnist,toy -out ""   # a subset, print only
//
// Items (-items, comma-separated; all by default):
//
//   - steps: one training step (forward, backward, Adam update, loss read
//     back) of three MLPs — mnist 784-128-10 batch 128, toy 2-16-16-2 batch
//     32, wide 784-512-512-10 batch 256 — with (a) training/dense, (b) GoMLX's
//     layers.Dense, both on the simplego backend, and (c) PyTorch on the CPU
//     with 2 threads (bench/torch_step.py, a long-lived child process). The
//     three run in interleaved blocks, so a burst of load from other
//     processes hits all of them; wall and process CPU time per step are
//     reported, with the ratios.
//   - mnist: training.Run on MNIST until the test accuracy reaches 98.0%
//     (hyperparameters from -mnist-set), with wall time and epochs.
//   - sweep: a 16-trial training.Sweep on moons with 1 and with 2 workers.
//   - overhead: a bare GoMLX loop against training.Run alone, with the run
//     store and a live chart, and with per-epoch validation, on one model.
//   - stack: many small models in one graph (training.RunStack): 16 toy
//     configurations stacked vs one after the other, 5 seeds stacked vs
//     separate vs one seed, a 64-trial grid with 2 workers stacked vs not.
//     It rewrites only its own block of the results file, so
//     `go run ./bench -items stack` leaves the other sections alone.
//
// -cpuprofile and -memprofile write pprof profiles of the whole run. The Go
// benchmarks (go test -bench . ./bench) time the same steps and the matrix
// products of the MNIST step, reporting CPU ms/op beside ns/op.
//
// Timings are only meaningful on a machine that is otherwise idle: the
// report records the load average before and after the run.
package main

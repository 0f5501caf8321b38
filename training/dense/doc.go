// Package dense is a fully connected layer for GoMLX whose backward pass is two
// matrix products.
//
// GoMLX v0.26.0 differentiates a matrix product (Dot/DotGeneral) by broadcasting
// the output gradient to a [batch, in, out] tensor, multiplying and reducing it.
// On the pure-Go simplego backend that one product dominates a training step: an
// MNIST MLP step (784-128-10, batch 128, Adam) took about 8× longer than in
// PyTorch. This package computes the same gradients the textbook way:
//
//	forward:  y  = x·W + b
//	backward: dX = dY·Wᵀ,  dW = Xᵀ·dY,  db = Σ_batch dY
//
// wired through graph.IdentityWithCustomGradient, so only public GoMLX API is
// used and any optimizer or loss works unchanged.
//
// Apply creates its variables exactly like layers.Dense: in the sub-scope
// "dense" of the given context, named "weights" ([in, out]) and "biases"
// ([out]), initialised by the context's initializer, with the context's
// regularizers (l2_regularization, l1_regularization) applied to the weights
// only. A model can switch between layers.Dense and Apply without changing
// checkpoints, parameter counts or hyperparameters.
//
// SimpleGoConfig picks the simplego backend options that suit a model of a
// given size (no goroutine per graph node; the blocked, multi-threaded matrix
// kernel for MNIST-sized products), measured in docs/benchmarks.md.
//
// Like every GoMLX graph-building function, Apply and MatMul panic on a
// malformed graph (wrong rank, mismatched dimensions); the messages start with
// "dense:". The training package recovers such panics at its boundary.
package dense

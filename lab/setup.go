package lab

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"

	"github.com/hyperlab-go/hyperlab/datasets"
	"github.com/hyperlab-go/hyperlab/hparams"
	"github.com/hyperlab-go/hyperlab/runstore"
	"github.com/hyperlab-go/hyperlab/training"
)

// Setup is the one set-up of a training run, shared by the notebook calls
// (Train, Grid, FindLR, the Show helpers) and by every command of
// cmd/hyperlab: which data, where its runs are kept, and whether a model
// above training.DefaultLimits may start. The same Values and Setup give
// the same split, data fingerprint, run ID and run-store folder on both
// sides, so a run trained in a notebook is read back by `hyperlab train`
// and the other way round.
//
// The zero Setup is usable once Dataset is set: default data options, no
// run store, the size guard on.
type Setup struct {
	// Dataset is a name of datasets.Names or a path to a .csv file.
	Dataset string
	// Data replaces the dataset options DataOptions would resolve.
	Data *datasets.Options
	// DataOverrides are set after the Values' data_* hyperparameters, keyed
	// by the same names (datasets.ParamSize, ...): the CLI's --size, --noise
	// and --data-seed.
	DataOverrides map[string]float64
	// CSV says how a .csv dataset is read: its label column, regression.
	CSV datasets.CSVOptions
	// Runs is the run-store root; every dataset (with its options) gets a
	// folder of its own under it (see Setup.Store). "" keeps nothing.
	Runs string
	// AllowLarge lets a model or sweep above training.DefaultLimits start;
	// AllowLargeHint says how a user asks for that in their tool (a Train
	// option, a command-line flag), for the guard's sentence.
	AllowLarge     bool
	AllowLargeHint string
	// Workers is how many trials train at once, for the guard's time
	// estimate; 0 means 1.
	Workers int
}

// Prepared is what a set-up gives a run or a sweep: the resolved dataset
// options, the split, the run store (nil when Setup.Runs is "") and one
// training.Plan per trial, the one conversion and check of its Values.
type Prepared struct {
	Options datasets.Options
	Data    datasets.Split
	Store   *runstore.Store
	Plans   []*training.Plan
}

// Prepare loads the data base trains on, stops trials above the limits
// (Guard) and opens the run store. trials are the Values that will train
// (none: base alone). The CLI calls the three steps itself, to tell a
// mistake on its command line from a store it cannot write.
func (s Setup) Prepare(base hparams.Values, trials ...hparams.Values) (Prepared, error) {
	o, split, err := s.Load(base)
	if err != nil {
		return Prepared{}, err
	}
	if len(trials) == 0 {
		trials = []hparams.Values{base}
	}
	ps, err := s.Guard(trials, split)
	if err != nil {
		return Prepared{}, err
	}
	store, err := s.Store(o)
	if err != nil {
		return Prepared{}, err
	}
	return Prepared{Options: o, Data: split, Store: store, Plans: ps}, nil
}

// Options returns the dataset options the set-up trains v on.
func (s Setup) Options(v hparams.Values) datasets.Options {
	o := DataOptions(s.Dataset, v, s.DataOverrides)
	if s.Data != nil {
		o = *s.Data
	}
	o.AllowLarge = o.AllowLarge || s.AllowLarge
	if s.CSV.Label != "" || s.CSV.Regression {
		o.CSV.Label, o.CSV.Regression = s.CSV.Label, s.CSV.Regression
	}
	return o
}

// Load loads (once per program) the data v trains on. The data's memory is
// checked before it is made (AllowLarge lifts the row limit, not this).
func (s Setup) Load(v hparams.Values) (datasets.Options, datasets.Split, error) {
	o := s.Options(v)
	if o.Size > 0 {
		need := training.EstimateMemory(training.MemorySizes{Rows: o.Size, Features: 2}).Data
		if err := (training.Memory{Data: need}).Check(); err != nil {
			return o, datasets.Split{}, err
		}
	}
	split, err := loadData(s.Dataset, o)
	return o, split, err
}

// Guard plans each trial once (training.NewPlan: the one conversion and
// check of its Values) and stops trials above training.DefaultLimits before
// they start, with the estimated time and how to allow them, unless
// AllowLarge or $HYPERLAB_ALLOW_LARGE says they may. It returns the plans.
func (s Setup) Guard(trials []hparams.Values, split datasets.Split) ([]*training.Plan, error) {
	ps, err := plans(trials, split, max(1, s.Workers), s.AllowLarge)
	if err == nil || s.AllowLargeHint == "" || ps == nil {
		return ps, err
	}
	// checkEstimate names lab's own option; another tool names its own.
	msg, _, _ := strings.Cut(err.Error(), "; to start it anyway")
	return ps, fmt.Errorf("%s; to start it anyway %s, or set %s=1", strings.TrimPrefix(msg, "lab: "), s.AllowLargeHint, AllowLargeEnv)
}

// Store opens the run store of the data options o: the folder DataKey names
// under Runs, so that runs on other data are listed apart. It returns nil
// when Runs is "".
func (s Setup) Store(o datasets.Options) (*runstore.Store, error) {
	return openStore(s.Runs, DataKey(s.Dataset, o))
}

// defaultData are the dataset options Train uses when neither the Values
// nor a Data option say otherwise: 1000 rows with a little noise (so that
// a model can overfit them), 20% for validation, classes stratified across
// the parts, standardised features; MNIST's pixels stay in [0, 1].
func defaultData(name string) datasets.Options {
	o := datasets.Options{Size: 1000, Noise: 0.2, Seed: 1, Validation: 0.2, Stratify: true, Normalize: true}
	if strings.EqualFold(name, "mnist") {
		// Pixels are already in [0, 1]. Standardising them per pixel blows
		// up the rare ones: a border pixel lit in one training image of
		// 9000 gets a s.d. near 0.005, so the same pixel lit in a
		// validation image becomes ≈ 190, and the validation loss of any
		// confident model explodes while its accuracy stays put.
		o.Size, o.Noise, o.Stratify, o.Normalize = 0, 0, false, false
		o.Validation = 0.1
	}
	return o
}

// DataOptions resolves the dataset options of a run: the dataset's
// defaults, then the data_* hyperparameters of v (datasets.ParamSize,
// ParamNoise, ParamSeed, ParamValidation, ParamClasses), then overrides
// keyed by the same names. For MNIST the size is the number of images.
func DataOptions(dataset string, v hparams.Values, overrides map[string]float64) datasets.Options {
	o := defaultData(dataset)
	get := func(name string) (float64, bool) {
		if x, ok := overrides[name]; ok {
			return x, true
		}
		if v.Spec() == nil || !v.Has(name) {
			return 0, false
		}
		x, ok := hparams.Number(v.Get(name))
		return x, ok
	}
	if x, ok := get(datasets.ParamSize); ok {
		o.Size = int(x)
	}
	if x, ok := get(datasets.ParamNoise); ok {
		o.Noise = x
	}
	if x, ok := get(datasets.ParamSeed); ok {
		o.Seed = int64(x)
	}
	if x, ok := get(datasets.ParamValidation); ok {
		o.Validation = x
	}
	if x, ok := get(datasets.ParamClasses); ok {
		o.Classes = int(x)
	}
	if strings.EqualFold(dataset, "mnist") {
		o.MNIST.Limit, o.Size = o.Size, 0
	}
	return o
}

// dataOptions is DataOptions unless an explicit Data option replaces it.
func dataOptions(name string, v hparams.Values, explicit *datasets.Options) datasets.Options {
	return Setup{Dataset: name, Data: explicit}.Options(v)
}

// DataKey names a dataset and its options as one path element, the
// run-store folder of its runs: <root>/<DataKey>/<run ID>. (Runs are keyed
// by training.RunID, which includes the data, so they would not collide;
// the folders keep one dataset's runs together for a report.)
func DataKey(name string, o datasets.Options) string {
	base := strings.TrimSuffix(filepath.Base(name), filepath.Ext(name))
	key := fmt.Sprintf("%s_n%d_noise%g_c%d_seed%d_val%g_test%g", strings.ToLower(base), o.Size+o.MNIST.Limit, o.Noise, o.Classes, o.Seed, o.Validation, o.Test)
	if o.Normalize {
		key += "_norm"
	}
	return unsafeKey.ReplaceAllString(key, "-")
}

var unsafeKey = regexp.MustCompile(`[^A-Za-z0-9._-]+`)

// loaded caches datasets within one cell's program: a comparison trains
// several runs on the same data.
var (
	loadedMu sync.Mutex
	loaded   = map[string]datasets.Split{}
)

// loadData loads (once per program) the named dataset with options o.
func loadData(name string, o datasets.Options) (datasets.Split, error) {
	key := name + "|" + DataKey(name, o)
	loadedMu.Lock()
	defer loadedMu.Unlock()
	if s, ok := loaded[key]; ok {
		return s, nil
	}
	s, err := datasets.Load(name, o)
	if err != nil {
		return datasets.Split{}, err
	}
	loaded[key] = s
	return s, nil
}

// RunsDir returns where runs are stored: $HYPERLAB_RUNS when set, else a
// runs folder next to the notebook ($GONB_DIR/runs) in GoNB, else "" (no
// store: outside a notebook every run trains).
func RunsDir() string {
	if d := os.Getenv("HYPERLAB_RUNS"); d != "" {
		return d
	}
	if d := os.Getenv("GONB_DIR"); d != "" && isNotebook() {
		return filepath.Join(d, "runs")
	}
	return ""
}

// openStore opens the run store of one dataset under root ("" means none).
func openStore(root, key string) (*runstore.Store, error) {
	if root == "" {
		return nil, nil
	}
	if _, err := os.Stat(root); os.IsNotExist(err) {
		// A new runs folder keeps itself out of git: runs are a cache.
		if err := os.MkdirAll(root, 0o755); err == nil {
			_ = os.WriteFile(filepath.Join(root, ".gitignore"), []byte("*\n"), 0o644)
		}
	}
	s, err := runstore.Open(filepath.Join(root, key))
	if err != nil {
		return nil, fmt.Errorf("lab: cannot keep runs in %s (%v); set HYPERLAB_RUNS to a writable folder", root, err)
	}
	return s, nil
}

// DataFolders lists the dataset folders (see DataKey) under a run-store
// root, sorted: the folders that hold run folders. A run's own folder holds
// only files, so a folder of runs yields none.
func DataFolders(root string) ([]string, error) {
	entries, err := os.ReadDir(root)
	if err != nil {
		return nil, err
	}
	var out []string
	for _, e := range entries {
		if e.IsDir() && runstore.ValidID(e.Name()) == nil && holdsRuns(filepath.Join(root, e.Name())) {
			out = append(out, e.Name())
		}
	}
	return out, nil
}

// holdsRuns reports whether dir has a sub-folder named like a run.
func holdsRuns(dir string) bool { return runstore.IsStore(dir) }

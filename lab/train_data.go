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
)

// defaultData are the dataset options Train uses when neither the Values
// nor a Data option say otherwise: 1000 rows with a little noise (so that
// a model can overfit them), 20% for validation, standardised features.
func defaultData(name string) datasets.Options {
	o := datasets.Options{Size: 1000, Noise: 0.2, Seed: 1, Validation: 0.2, Stratify: true, Normalize: true}
	if strings.EqualFold(name, "mnist") {
		o.Size, o.Noise, o.Stratify = 0, 0, false
		o.Validation = 0.1
	}
	return o
}

// dataOptions resolves the dataset options: the defaults, then the Values'
// data_* hyperparameters, then an explicit Data option.
func dataOptions(name string, v hparams.Values, explicit *datasets.Options) datasets.Options {
	if explicit != nil {
		return *explicit
	}
	o := defaultData(name)
	if x, ok := v.IntOK(datasets.ParamSize); ok {
		o.Size = x
	}
	if x, ok := v.FloatOK(datasets.ParamNoise); ok {
		o.Noise = x
	}
	if x, ok := v.IntOK(datasets.ParamSeed); ok {
		o.Seed = int64(x)
	}
	if x, ok := v.FloatOK(datasets.ParamValidation); ok {
		o.Validation = x
	}
	if x, ok := v.IntOK(datasets.ParamClasses); ok {
		o.Classes = x
	}
	if strings.EqualFold(name, "mnist") {
		o.MNIST.Limit, o.Size = o.Size, 0
	}
	return o
}

// dataKey names a dataset and its options as one path element: the runs
// of one dataset get a run-store directory of their own. (Runs are keyed
// by training.RunID, which includes the data, so they would not collide.)
func dataKey(name string, o datasets.Options) string {
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
	key := name + "|" + dataKey(name, o)
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

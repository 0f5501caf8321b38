package datasets

import (
	"fmt"
	"math"
	"strings"

	"github.com/hyperlab-go/hyperlab/internal/typo"
)

// Options configure Load. The zero value gives 1000 noiseless rows (seed
// 0), 20% of them held out for validation, no test rows, features as
// generated.
type Options struct {
	// Size is the number of rows of a synthetic set; default 1000, at most
	// MaxRows unless AllowLarge.
	Size int
	// AllowLarge lifts the MaxRows limit of Size (memory is still checked
	// by training before it trains).
	AllowLarge bool
	// Noise is the standard deviation of the Gaussian noise of a synthetic
	// set (for blobs, the clusters' spread when Std is 0). 0 is no noise.
	Noise float64
	// Classes is the number of arms (spirals) or clusters (blobs); default
	// 2 for spirals, 3 for blobs.
	Classes int
	// Std is the blobs' spread; default Noise, or 1 when both are 0.
	Std float64
	// Seed seeds the generator and the split.
	Seed int64
	// Validation and Test are the fractions of rows held out. When both are
	// 0, Validation is 0.2. MNIST's test part is always its own 10000 test
	// images (Test is ignored); Validation is cut from its training images.
	Validation, Test float64
	// Stratify keeps each class's share equal across the parts.
	Stratify bool
	// Normalize standardises the features, fitted on the training part.
	Normalize bool
	// MNIST: where the files are and how many images to load.
	MNIST MNISTOptions
	// CSV: the label column and how to read it (for a .csv path).
	CSV CSVOptions
}

// MaxRows bounds Options.Size unless Options.AllowLarge: more rows of a
// 2-D toy set add nothing but time and memory.
const MaxRows = 1_000_000

// Names lists the built-in datasets Load knows; a path ending in .csv is
// loaded as a CSV file too.
func Names() []string {
	return []string{"moons", "circles", "spirals", "xor", "blobs", "sine", "poly", "mnist"}
}

// Load builds the dataset called name and splits it. name is one of
// Names(), or a path to a .csv file.
func Load(name string, opts Options) (Split, error) {
	if opts.Size < 0 {
		return Split{}, fmt.Errorf("datasets: size=%d is negative; use a positive number of rows (0 for the default 1000)", opts.Size)
	}
	if opts.Size > MaxRows && !opts.AllowLarge {
		return Split{}, fmt.Errorf("datasets: size=%d is above the %d rows a synthetic dataset has without asking; use a smaller size, or allow it (--allow-large)", opts.Size, MaxRows)
	}
	if opts.Classes < 0 || opts.Classes == 1 {
		return Split{}, fmt.Errorf("datasets: classes=%d; use at least 2 (0 for the default)", opts.Classes)
	}
	if math.IsInf(opts.Noise, 0) || math.IsInf(opts.Std, 0) {
		return Split{}, fmt.Errorf("datasets: noise=%g, std=%g; the noise must be a finite number (such as 0.2), or every point becomes NaN", opts.Noise, opts.Std)
	}
	if !(opts.Noise >= 0) || !(opts.Std >= 0) {
		return Split{}, fmt.Errorf("datasets: noise=%g, std=%g; both must be non-negative numbers", opts.Noise, opts.Std)
	}
	n := opts.Size
	if n == 0 {
		n = 1000
	}
	val, test := opts.Validation, opts.Test
	if val == 0 && test == 0 {
		val = 0.2
	}
	var d *Dataset
	switch key := strings.ToLower(strings.TrimSpace(name)); key {
	case "moons":
		d = Moons(n, opts.Noise, opts.Seed)
	case "circles":
		d = Circles(n, opts.Noise, opts.Seed)
	case "spirals":
		d = Spirals(n, orDefault(opts.Classes, 2), opts.Noise, opts.Seed)
	case "xor":
		d = XOR(n, opts.Noise, opts.Seed)
	case "blobs":
		std := opts.Std
		if std == 0 {
			std = opts.Noise
		}
		d = Blobs(n, orDefault(opts.Classes, 3), std, opts.Seed)
	case "sine":
		d = Sine(n, opts.Noise, opts.Seed)
	case "poly", "polynomial":
		d = Polynomial(n, opts.Noise, opts.Seed)
	case "mnist":
		return loadMNIST(opts, val)
	default:
		if !strings.HasSuffix(key, ".csv") {
			return Split{}, unknownName(name)
		}
		var err error
		if d, err = LoadCSV(strings.TrimSpace(name), opts.CSV); err != nil {
			return Split{}, err
		}
	}
	split := SplitFractions
	if opts.Stratify {
		split = SplitStratified
	}
	s, err := split(d, val, test, opts.Seed)
	if err != nil {
		return Split{}, err
	}
	if opts.Normalize {
		s = Normalize(s)
	}
	return s, nil
}

func loadMNIST(opts Options, val float64) (Split, error) {
	train, test, err := MNIST(opts.MNIST)
	if err != nil {
		return Split{}, err
	}
	split := SplitFractions
	if opts.Stratify {
		split = SplitStratified
	}
	s, err := split(train, val, 0, opts.Seed)
	if err != nil {
		return Split{}, err
	}
	s.Test = test
	if opts.Normalize {
		s = Normalize(s)
	}
	return s, nil
}

func orDefault(v, def int) int {
	if v == 0 {
		return def
	}
	return v
}

// unknownName says which known name is closest to a misspelt one.
func unknownName(name string) error {
	names := Names()
	hint := typo.Hint(strings.TrimSpace(name), names)
	return fmt.Errorf("datasets: unknown dataset %q%s (known: %s, or a path ending in .csv)", name, hint, strings.Join(names, ", "))
}

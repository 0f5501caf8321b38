package datasets

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"hash"
	"math"
	"strconv"
)

// FingerprintLen is the number of hex digits of a fingerprint.
const FingerprintLen = 12

// FingerprintFullBytes is how many bytes of features a Dataset may hold
// and still have every row hashed by Fingerprint. Above it (MNIST: 60000
// images of 784 float32 are 188 MB) Fingerprint hashes a sample of rows.
const FingerprintFullBytes = 4 << 20

// Fingerprint returns a short, stable digest of what data d is: the first
// FingerprintLen hex digits of the SHA-256 of its name, task, shape (rows,
// features, classes, class names), every label or target, and its
// features. The run store keys runs by it together with the
// hyperparameters, so that the same model trained on other data is another
// run. Its format must not change (a golden test pins it).
//
// Features are hashed in full when they take at most FingerprintFullBytes;
// this covers the synthetic sets and most CSV files. A larger set has its
// row count, all of its labels or targets, and an evenly spaced sample of
// rows (the first and the last included) hashed, at most
// FingerprintFullBytes of them. The trade-off, measured on the 2-core
// machine: SHA-256 over all of MNIST's training features took about 260
// ms, a sixth of the 1.5 s it takes to load MNIST, on every notebook cell
// (each cell is a fresh process); the sample takes about 12 ms (40 ms for
// MNIST's three parts, see BenchmarkFingerprintMNISTSize). What
// it gives up: two large sets with equal names, shapes and labels whose
// features differ only in rows outside the sample share a fingerprint. Any
// change of size, split, order, normalisation or noise changes sampled
// rows, and so the fingerprint.
func (d *Dataset) Fingerprint() string {
	h := sha256.New()
	d.fingerprint(h)
	return hex.EncodeToString(h.Sum(nil))[:FingerprintLen]
}

// Fingerprint returns a short, stable digest of the three parts of s, as
// Dataset.Fingerprint describes: the same rows cut differently into
// training and validation give another fingerprint.
func (s Split) Fingerprint() string {
	h := sha256.New()
	for _, part := range []struct {
		role string
		d    *Dataset
	}{{"train", s.Train}, {"validation", s.Validation}, {"test", s.Test}} {
		writeString(h, part.role)
		part.d.fingerprint(h)
	}
	return hex.EncodeToString(h.Sum(nil))[:FingerprintLen]
}

func (d *Dataset) fingerprint(h hash.Hash) {
	writeString(h, "hyperlab.dataset.v1")
	if d == nil {
		writeString(h, "nil")
		return
	}
	writeString(h, d.Name)
	writeString(h, d.Task.String())
	rows := d.Len()
	for _, n := range []int{rows, len(d.X), d.NumFeatures, d.NumClasses, len(d.ClassNames), len(d.Labels), len(d.Targets)} {
		writeString(h, strconv.Itoa(n))
	}
	for _, c := range d.ClassNames {
		writeString(h, c)
	}
	w := newWordWriter(h)
	for _, l := range d.Labels {
		w.word(uint32(l))
	}
	for _, t := range d.Targets {
		w.word(math.Float32bits(t))
	}
	if rows == 0 || d.NumFeatures <= 0 {
		for _, x := range d.X {
			w.word(math.Float32bits(x))
		}
		w.flush()
		return
	}
	// Evenly spaced rows 0, stride, 2·stride, ... and the last row.
	stride := 1
	if bytes := len(d.X) * 4; bytes > FingerprintFullBytes {
		sampled := max(2, FingerprintFullBytes/(4*d.NumFeatures))
		stride = max(1, (rows-1)/(sampled-1))
	}
	for i := 0; i < rows; i += stride {
		w.row(d.Row(i))
	}
	if (rows-1)%stride != 0 {
		w.row(d.Row(rows - 1))
	}
	// Bytes of X past the last whole row (only in an invalid Dataset).
	for _, x := range d.X[rows*d.NumFeatures:] {
		w.word(math.Float32bits(x))
	}
	w.flush()
}

// writeString writes s with its length, so that concatenations differ.
func writeString(h hash.Hash, s string) {
	var n [8]byte
	binary.LittleEndian.PutUint64(n[:], uint64(len(s)))
	h.Write(n[:])
	h.Write([]byte(s))
}

// wordWriter feeds 32-bit words to a hash in little-endian order (the same
// digest on every machine) through a buffer.
type wordWriter struct {
	h   hash.Hash
	buf []byte
}

func newWordWriter(h hash.Hash) *wordWriter {
	return &wordWriter{h: h, buf: make([]byte, 0, 32<<10)}
}

func (w *wordWriter) word(x uint32) {
	if len(w.buf) == cap(w.buf) {
		w.flush()
	}
	w.buf = binary.LittleEndian.AppendUint32(w.buf, x)
}

func (w *wordWriter) row(xs []float32) {
	for _, x := range xs {
		w.word(math.Float32bits(x))
	}
}

func (w *wordWriter) flush() {
	w.h.Write(w.buf)
	w.buf = w.buf[:0]
}

package datasets

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"math"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/hyperlab-go/hyperlab/internal/fileread"
)

// CSVOptions says how to read a CSV file. The zero value reads a
// classification set whose label is the last column.
type CSVOptions struct {
	// Name names the Dataset (and appears in errors); default "csv".
	Name string
	// Label is the header name of the label (or target) column; empty means
	// the last column. Every other column is a numeric feature.
	Label string
	// Regression reads the label column as a numeric target instead of a
	// class.
	Regression bool
	// Classes, when set, lists the class names in order: class k is
	// Classes[k], and a label that is not among them is an error. Otherwise
	// the classes are taken from the data: when every label is a
	// non-negative integer below MaxCSVClasses, class k is the label "k";
	// else the distinct label strings, sorted.
	Classes []string
	// Comma is the field separator; default ','.
	Comma rune
}

// MaxCSVClasses bounds integer labels read from a CSV file without
// CSVOptions.Classes: a label of 10⁶ is much more likely a regression
// target or a wrong column than the millionth class.
const MaxCSVClasses = 1000

// ReadCSV reads a table with a header line from r. Errors name the line
// and column of the bad cell and say what to change.
func ReadCSV(r io.Reader, opts CSVOptions) (*Dataset, error) {
	if r == nil {
		return nil, errors.New("datasets: ReadCSV got a nil io.Reader; give an open file or a strings.Reader")
	}
	name := opts.Name
	if name == "" {
		name = "csv"
	}
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1 // ragged rows are reported below, with both counts
	if opts.Comma != 0 {
		cr.Comma = opts.Comma
	}
	header, err := cr.Read()
	if err == io.EOF {
		return nil, fmt.Errorf("datasets: %s is empty; a CSV needs a header line and at least one row", name)
	}
	if err != nil {
		return nil, csvError(name, err)
	}
	header[0] = strings.TrimPrefix(header[0], "\ufeff") // a byte-order mark from spreadsheet exports
	labelCol, err := findLabel(name, header, opts.Label)
	if err != nil {
		return nil, err
	}
	if len(header) < 2 {
		return nil, fmt.Errorf("datasets: %s has only the column %q; it needs at least one feature column besides the label", name, header[0])
	}
	d := &Dataset{Name: name, NumFeatures: len(header) - 1, X: []float32{}}
	var labels []string
	var labelLines []int
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, csvError(name, err)
		}
		line, _ := cr.FieldPos(0)
		if len(rec) != len(header) {
			return nil, fmt.Errorf("datasets: %s line %d has %d fields, the header has %d; every row needs one value per column", name, line, len(rec), len(header))
		}
		for j, cell := range rec {
			if j == labelCol {
				continue
			}
			v, err := parseCell(cell)
			if err != nil {
				_, col := cr.FieldPos(j)
				return nil, fmt.Errorf("datasets: %s line %d, column %d (%q): %v; feature columns must hold numbers", name, line, col, header[j], err)
			}
			d.X = append(d.X, float32(v))
		}
		labels = append(labels, rec[labelCol])
		labelLines = append(labelLines, line)
	}
	if len(labels) == 0 {
		return nil, fmt.Errorf("datasets: %s has a header but no rows", name)
	}
	if opts.Regression {
		d.Task = Regression
		d.Targets = make([]float32, len(labels))
		for i, s := range labels {
			v, err := parseCell(s)
			if err != nil {
				return nil, fmt.Errorf("datasets: %s line %d, label column %q: %v (use a numeric target column for regression)", name, labelLines[i], header[labelCol], err)
			}
			d.Targets[i] = float32(v)
		}
		return d, nil
	}
	d.Task = Classification
	if err := setClasses(d, header[labelCol], labels, labelLines, opts.Classes); err != nil {
		return nil, err
	}
	return d, nil
}

// MaxCSVFile bounds the CSV files LoadCSV reads: the parsed data takes
// several times the file's size in memory.
const MaxCSVFile = 256 << 20

// LoadCSV reads the CSV file at path; the Dataset is named after the file.
// Only a regular file of at most MaxCSVFile bytes is read, so a named pipe
// or a device is refused at once.
func LoadCSV(path string, opts CSVOptions) (*Dataset, error) {
	f, err := fileread.Open(path, MaxCSVFile, true)
	if errors.Is(err, fileread.ErrNotRegular) || errors.Is(err, fileread.ErrTooLarge) {
		return nil, fmt.Errorf("datasets: cannot read the CSV file: %w", err)
	}
	if err != nil {
		return nil, fmt.Errorf("datasets: cannot open CSV file: %w; check the path", err)
	}
	defer f.Close()
	if opts.Name == "" {
		opts.Name = filepath.Base(path)
	}
	return ReadCSV(f, opts)
}

func findLabel(name string, header []string, label string) (int, error) {
	if label == "" {
		return len(header) - 1, nil
	}
	for j, h := range header {
		if strings.TrimSpace(h) == label {
			return j, nil
		}
	}
	return 0, fmt.Errorf("datasets: %s has no column %q; the columns are %s: name one of them as the label", name, label, quoteList(header))
}

func parseCell(cell string) (float64, error) {
	s := strings.TrimSpace(cell)
	if s == "" {
		return 0, errors.New("the cell is empty; every feature needs a number")
	}
	v, err := strconv.ParseFloat(s, 64)
	if errors.Is(err, strconv.ErrRange) && !math.IsInf(v, 0) {
		err = nil // an underflow reads as the nearest float, usually 0
	}
	if err != nil && !errors.Is(err, strconv.ErrRange) {
		return 0, fmt.Errorf("%q is not a number", cell)
	}
	if math.IsNaN(v) || math.IsInf(v, 0) || math.Abs(v) > math.MaxFloat32 {
		return 0, fmt.Errorf("%q is not a finite number", cell)
	}
	return v, nil
}

// setClasses turns label strings into class indices.
func setClasses(d *Dataset, col string, labels []string, lines []int, given []string) error {
	d.Labels = make([]int32, len(labels))
	if len(given) > 0 {
		index := map[string]int32{}
		for k, c := range given {
			index[c] = int32(k)
		}
		for i, s := range labels {
			k, ok := index[strings.TrimSpace(s)]
			if !ok {
				return fmt.Errorf("datasets: %s line %d, label column %q: %q is not one of the classes %s", d.Name, lines[i], col, s, quoteList(given))
			}
			d.Labels[i] = k
		}
		d.NumClasses, d.ClassNames = len(given), slices.Clone(given)
		return nil
	}
	if ints, ok := intLabels(labels); ok {
		maxLabel := int64(0)
		for i, v := range ints {
			if v < 0 || v >= MaxCSVClasses {
				return fmt.Errorf("datasets: %s line %d, label column %q: class %d is out of range [0, %d); use class indices from 0, or read the column as a regression target", d.Name, lines[i], col, v, MaxCSVClasses)
			}
			maxLabel = max(maxLabel, v)
			d.Labels[i] = int32(v)
		}
		d.NumClasses = int(maxLabel) + 1
		d.ClassNames = classNames(d.NumClasses)
		return checkClassCount(d, col, labels)
	}
	var names []string
	for _, s := range labels {
		s = strings.TrimSpace(s)
		if s == "" {
			continue
		}
		if pos, found := slices.BinarySearch(names, s); !found {
			names = slices.Insert(names, pos, s)
		}
	}
	for i, s := range labels {
		k, found := slices.BinarySearch(names, strings.TrimSpace(s))
		if !found {
			return fmt.Errorf("datasets: %s line %d, label column %q is empty; every row needs a label", d.Name, lines[i], col)
		}
		d.Labels[i] = int32(k)
	}
	d.NumClasses, d.ClassNames = len(names), names
	return checkClassCount(d, col, labels)
}

// A numeric label column with more than maxGuessedClasses distinct values
// and fewer than minRowsPerClass rows per value on average is almost
// surely a number to predict, not classes: training it as a classifier
// gives an accuracy near 0 and no error.
const (
	maxGuessedClasses = 50
	minRowsPerClass   = 5
)

// checkClassCount refuses classes guessed from a numeric label column that
// look like a regression target, with a sentence saying so.
func checkClassCount(d *Dataset, col string, labels []string) error {
	distinct := map[string]bool{}
	for _, s := range labels {
		s = strings.TrimSpace(s)
		if _, err := strconv.ParseFloat(s, 64); err != nil {
			return nil // text labels are class names
		}
		distinct[s] = true
	}
	if len(distinct) <= maxGuessedClasses || len(labels) >= minRowsPerClass*len(distinct) {
		return nil
	}
	return fmt.Errorf("datasets: %s: the label column %q holds %d distinct numbers in %d rows, too many to be classes; if it is a number to predict, read it as a regression target (--task regression, CSVOptions.Regression), or choose another label column (--label COLUMN)",
		d.Name, col, len(distinct), len(labels))
}

// intLabels parses every label as an integer, or reports false.
func intLabels(labels []string) ([]int64, bool) {
	ints := make([]int64, len(labels))
	for i, s := range labels {
		v, err := strconv.ParseInt(strings.TrimSpace(s), 10, 64)
		if err != nil {
			return nil, false
		}
		ints[i] = v
	}
	return ints, true
}

func csvError(name string, err error) error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return fmt.Errorf("datasets: %s line %d, column %d: %v", name, pe.Line, pe.Column, pe.Err)
	}
	return fmt.Errorf("datasets: reading %s: %w", name, err)
}

func quoteList(s []string) string {
	q := make([]string, len(s))
	for i, v := range s {
		q[i] = strconv.Quote(v)
	}
	return strings.Join(q, ", ")
}

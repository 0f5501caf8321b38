package runstore

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"

	"github.com/hyperlab-go/hyperlab/history"
)

// LineError reports a line of a JSON-lines file that could not be read.
// The lines before it were read.
type LineError struct {
	File string // e.g. "epochs.jsonl"
	Line int    // counting from 1
	Err  error
}

func (e *LineError) Error() string {
	return fmt.Sprintf("runstore: %s line %d: %v", e.File, e.Line, e.Err)
}

func (e *LineError) Unwrap() error { return e.Err }

// ReadEpochs reads epochs.jsonl content: one JSON history.Epoch per line,
// blank lines ignored, null metrics read as NaN. At the first line that is
// not a valid epoch (bad JSON, such as a line cut short by a crash, or an
// epoch number below 1) it stops and returns the epochs before it together
// with a *LineError.
func ReadEpochs(r io.Reader) ([]history.Epoch, error) {
	var epochs []history.Epoch
	err := readLines(r, epochsFile, func(line []byte) error {
		var e history.Epoch
		if err := json.Unmarshal(line, &e); err != nil {
			return fmt.Errorf("not a JSON epoch (%v)", err)
		}
		if e.Epoch < 1 {
			return fmt.Errorf("epoch number %d; epochs count from 1", e.Epoch)
		}
		epochs = append(epochs, e)
		return nil
	})
	return epochs, err
}

// readSteps reads steps.jsonl: one JSON array of losses (null for NaN) per
// line, concatenated.
func readSteps(r io.Reader) ([]float64, error) {
	var steps []float64
	err := readLines(r, stepsFile, func(line []byte) error {
		var batch []*float64
		if err := json.Unmarshal(line, &batch); err != nil {
			return fmt.Errorf("not a JSON array of losses (%v)", err)
		}
		for _, v := range batch {
			if v == nil {
				steps = append(steps, math.NaN())
			} else {
				steps = append(steps, *v)
			}
		}
		return nil
	})
	return steps, err
}

// appendSteps encodes losses as one steps.jsonl line.
func appendSteps(b []byte, loss []float64) []byte {
	b = append(b, '[')
	for i, v := range loss {
		if i > 0 {
			b = append(b, ',')
		}
		if !history.Finite(v) {
			b = append(b, "null"...)
		} else {
			b = strconv.AppendFloat(b, v, 'g', -1, 64)
		}
	}
	return append(b, ']', '\n')
}

func readLines(r io.Reader, file string, each func([]byte) error) error {
	br := bufio.NewReader(r)
	for n := 1; ; n++ {
		line, err := br.ReadBytes('\n')
		if len(bytes.TrimSpace(line)) > 0 {
			if perr := each(line); perr != nil {
				return &LineError{File: file, Line: n, Err: perr}
			}
		}
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return &LineError{File: file, Line: n, Err: err}
		}
	}
}

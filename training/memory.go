package training

import (
	"bufio"
	"fmt"
	"os"
	"strconv"
	"strings"

	"github.com/hyperlab-go/hyperlab/datasets"
)

// MaxBoundarySteps bounds the resolution of DecisionBoundary: a
// steps×steps grid of 1000×1000 is a million predictions, far finer than
// any chart shows.
const MaxBoundarySteps = 1000

// Memory is an estimate, in bytes, of what a run or a sweep allocates at
// its peak, computed from sizes alone before anything is allocated. It
// errs on the high side; treat it as an order of magnitude.
type Memory struct {
	Data     int64 // the dataset: generated, normalised and batched copies
	Model    int64 // per worker: parameters, gradients, optimizer state, activations
	Boundary int64 // the decision-boundary grid and its predictions
	Grid     int64 // the sweep's list of trials
}

// Per-item costs of the estimate.
const (
	bytesPerValue   = 8 * 4   // a float64 cell, in up to four copies
	bytesPerParam   = 4 * 8   // float32 weight, gradient, two Adam moments, graph buffers
	bytesPerTrial   = 2 << 10 // one hparams.Values and its row
	backendOverhead = 64 << 20
)

// MemorySizes are the sizes the estimate is made from.
type MemorySizes struct {
	Rows, Features int // of the whole dataset
	Params         int // trainable parameters of the largest model
	Batch, Widest  int // batch size and widest layer, for activations
	Workers        int // models trained at once (0 means 1)
	BoundarySteps  int // DecisionBoundary's steps (0 for none)
	Trials         int // trials of a sweep (0 for one run)
}

// EstimateMemory estimates the peak memory of training with these sizes.
func EstimateMemory(s MemorySizes) Memory {
	// Sizes are clamped so that no product below overflows int64 (a grid
	// size of math.MaxInt must stay huge, not wrap to a small number).
	c := func(n int) int64 { return min(max(int64(n), 0), 1<<20) }
	big := func(n int) int64 { return min(max(int64(n), 0), 1<<36) }
	workers := max(1, c(s.Workers))
	widest := max(1, big(s.Widest))
	act := max(1, c(s.Batch)) * widest * 4 * 8 // forward and backward buffers
	steps := c(s.BoundarySteps)
	return Memory{
		Data:     big(s.Rows) * (c(s.Features) + 1) * bytesPerValue,
		Model:    workers * (big(s.Params)*bytesPerParam + act + backendOverhead),
		Boundary: steps * steps * (2 + min(widest, 1<<20)) * 4 * 4 * workers,
		Grid:     big(s.Trials) * bytesPerTrial,
	}
}

// Total is the sum of the parts.
func (m Memory) Total() int64 { return m.Data + m.Model + m.Boundary + m.Grid }

// Check returns an error when m would not fit in three quarters of the
// memory the machine has available now (MemAvailable on Linux; elsewhere
// an assumed 4 GiB). No flag lifts it: past it the process is killed.
func (m Memory) Check() error {
	avail, _ := availableMemory()
	if m.Total() <= avail/4*3 {
		return nil
	}
	return fmt.Errorf("training: this needs about %s of memory (data %s, models %s, boundary %s, trial list %s) but only %s is available; use fewer rows, a smaller model, boundary resolution or grid",
		bytesText(m.Total()), bytesText(m.Data), bytesText(m.Model), bytesText(m.Boundary), bytesText(m.Grid), bytesText(avail))
}

// availableMemory is AvailableMemory; tests set a machine's size.
var availableMemory = AvailableMemory

// assumedMemory is the available memory where the system does not say.
const assumedMemory = 4 << 30

// AvailableMemory returns the memory available to new allocations, and
// whether the system reported it (false: assumedMemory).
func AvailableMemory() (int64, bool) {
	f, err := os.Open("/proc/meminfo")
	if err != nil {
		return assumedMemory, false
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		fields := strings.Fields(sc.Text())
		if len(fields) >= 2 && fields[0] == "MemAvailable:" {
			if kb, err := strconv.ParseInt(fields[1], 10, 64); err == nil {
				return kb << 10, true
			}
		}
	}
	return assumedMemory, false
}

func bytesText(n int64) string {
	const k = 1 << 10
	switch {
	case n >= k*k*k:
		return fmt.Sprintf("%.1f GiB", float64(n)/(k*k*k))
	case n >= k*k:
		return fmt.Sprintf("%.0f MiB", float64(n)/(k*k))
	}
	return fmt.Sprintf("%d KiB", (n+k-1)/k)
}

// runMemory is the estimate for one Run, checked before it allocates.
func runMemory(cfg Config, data datasets.Split, outputs, boundarySteps, models int) Memory {
	rows := data.Train.Len()
	if data.Validation != nil {
		rows += data.Validation.Len()
	}
	params, widest := 0, outputs
	for _, l := range cfg.Layers(data.Train.NumFeatures, outputs) {
		params += l.Total()
		widest = max(widest, l.Outputs)
	}
	return EstimateMemory(MemorySizes{Rows: rows, Features: data.Train.NumFeatures, Params: params,
		Batch: cfg.BatchSize, Widest: widest, BoundarySteps: boundarySteps, Workers: models})
}

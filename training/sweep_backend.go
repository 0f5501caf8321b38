package training

import (
	"fmt"
	"os"
	"sync"

	"github.com/gomlx/gomlx/backends"
	"github.com/gomlx/gomlx/backends/simplego"
)

// A sweep with several workers already keeps the cores busy with whole
// trials, so it runs each trial's graph on a simplego backend that executes
// ops one after another: splitting a toy model's small ops across
// goroutines costs more than it gains when the cores are taken, and
// simplego v0.26.0's parallel op scheduler has a data race (go test -race
// reports it in executeNode) that sequential execution avoids.
var (
	sequentialOnce    sync.Once
	sequentialBackend backends.Backend
	sequentialErr     error
)

// sweepBackend returns the backend option for the sweep's trials, or nil to
// leave the choice to Run: when the sweep runs one trial at a time, when
// the user picked a backend (GOMLX_BACKEND, or a Backend option).
func (s *Sweep) sweepBackend(workers int) (Option, error) {
	if workers < 2 || os.Getenv(backends.ConfigEnvVar) != "" {
		return nil, nil
	}
	o := &options{}
	for _, opt := range s.Options {
		opt(o)
	}
	if o.backend != nil {
		return nil, nil
	}
	sequentialOnce.Do(func() {
		sequentialBackend, sequentialErr = simplego.New("ops_sequential")
		if sequentialErr != nil {
			sequentialErr = fmt.Errorf("training: creating the sweep's simplego backend: %w", sequentialErr)
		}
	})
	if sequentialErr != nil {
		return nil, sequentialErr
	}
	return Backend(sequentialBackend), nil
}

package training

import (
	"os"

	"github.com/gomlx/gomlx/backends"
)

// sweepBackend returns the backend option for the sweep's trials, or nil to
// leave the choice to Run: when the sweep runs one trial at a time, when
// the user picked a backend (GOMLX_BACKEND, or a Backend option).
//
// A sweep with several workers already keeps the cores busy with whole
// trials, so its trials run on plain sequential simplego, without the
// multi-threaded matrix kernel that Run picks for larger models alone
// (dense.SimpleGoConfig): that kernel's threads would compete with the
// other workers for the same cores.
func (s *Sweep) sweepBackend(workers int) (Option, error) {
	if workers < 2 || os.Getenv(backends.ConfigEnvVar) != "" {
		return nil, nil
	}
	if newOptions(s.Options).backend != nil {
		return nil, nil
	}
	b, err := cachedBackend("ops_sequential")
	if err != nil {
		return nil, err
	}
	return Backend(b), nil
}

package runstore

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/hyperlab-go/hyperlab/internal/fileread"
)

// MaxArtifact bounds an artifact read back from a run.
const MaxArtifact = 256 << 20

// Artifact reads the extra file name that Writer.Artifact saved with the
// run. A run without it gives an error wrapping ErrNotFound.
func (r *Run) Artifact(name string) ([]byte, error) {
	if err := ValidID(name); err != nil {
		return nil, fmt.Errorf("runstore: artifact name: %s", trimPrefix(err))
	}
	// Not through a link, nor a FIFO or a huge file planted in the run.
	data, err := fileread.ReadFile(filepath.Join(r.Dir, name), MaxArtifact, false)
	if errors.Is(err, os.ErrNotExist) {
		return nil, fmt.Errorf("runstore: run %s has no artifact %s: %w", r.ID, name, ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("runstore: reading artifact %s of run %s: %w", name, r.ID, err)
	}
	return data, nil
}

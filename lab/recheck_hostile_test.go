package lab

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/hyperlab-go/hyperlab/internal/testutil"
)

// RecheckNotebook given a named pipe or a folder where a notebook belongs
// ends at once with one sentence naming it, never waiting for a writer.
func TestRecheckNotebookRefusesWhatIsNotAFile(t *testing.T) {
	dir := t.TempDir()
	for _, path := range []string{testutil.Mkfifo(t, filepath.Join(dir, "pipe.ipynb")), dir} {
		done := make(chan error, 1)
		go func() {
			_, err := RecheckNotebook(path, t.TempDir())
			done <- err
		}()
		select {
		case err := <-done:
			if err == nil || !strings.Contains(err.Error(), path) || !strings.Contains(err.Error(), "give a file") || strings.Contains(err.Error(), "\n") {
				t.Errorf("RecheckNotebook(%s): %v; want one sentence naming it and asking for a file", path, err)
			}
		case <-time.After(5 * time.Second):
			t.Fatalf("RecheckNotebook(%s) did not return within 5 s", path)
		}
	}
}

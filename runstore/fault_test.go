package runstore

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/hyperlab-go/hyperlab/history"
)

// writeRun does everything a training run does to the store.
func writeRun(s *Store, id string) (err error) {
	w, err := s.Create(Meta{ID: id, Values: map[string]any{"epochs": 2}})
	if err != nil {
		return err
	}
	defer w.Close()
	h := &history.History{Status: history.Finished}
	for i := 1; i <= 2; i++ {
		if err := w.Epoch(epoch(i)); err != nil {
			return err
		}
		if err := w.Steps([]float64{0.5, 0.4}); err != nil {
			return err
		}
		h.Epochs = append(h.Epochs, epoch(i))
		h.StepLoss = append(h.StepLoss, 0.5, 0.4)
	}
	if err := w.Artifact("boundary.json", []byte("{}")); err != nil {
		return err
	}
	return w.Finish(h)
}

// TestFaultAtEveryWrite drives a full disk and a permission error at each
// change a run makes on disk, in turn: no panic, an error naming the
// cause, no run listed as complete unless all its data is there, and no
// stray directory or temporary file.
func TestFaultAtEveryWrite(t *testing.T) {
	defer func() { injectFault = nil }()
	// Count the operations of one run.
	ops, counted := 0, openTemp(t)
	injectFault = func(op, path string) error { ops++; return nil }
	if err := writeRun(counted, "count"); err != nil {
		t.Fatal(err)
	}
	if ops < 15 {
		t.Fatalf("only %d operations counted; the seam misses writes", ops)
	}
	for _, errno := range []syscall.Errno{syscall.ENOSPC, syscall.EACCES} {
		for at := 1; at <= ops; at++ {
			t.Run(fmt.Sprintf("%v/op%d", errno, at), func(t *testing.T) {
				injectFault = nil
				s := openTemp(t)
				n := 0
				var failed string
				injectFault = func(op, path string) error {
					if n++; n == at {
						failed = op + " " + filepath.Base(path)
						return errno
					}
					return nil
				}
				err := func() (err error) {
					defer func() {
						if p := recover(); p != nil {
							t.Fatalf("panic at %s: %v", failed, p)
						}
					}()
					return writeRun(s, "r")
				}()
				injectFault = nil
				if err == nil {
					t.Fatalf("the fault at %s was not reported", failed)
				}
				if !strings.Contains(err.Error(), errno.Error()) || !strings.HasPrefix(err.Error(), "runstore: ") {
					t.Errorf("error %q does not name the cause %q", err, errno.Error())
				}
				runs, lerr := s.List()
				if lerr != nil {
					t.Errorf("List after a fault at %s: %v", failed, lerr)
				}
				for _, r := range runs {
					if r.Complete && (len(r.History.Epochs) != 2 || len(r.History.StepLoss) != 4) {
						t.Errorf("fault at %s: a partial run is listed complete: %d epochs, %d steps", failed, len(r.History.Epochs), len(r.History.StepLoss))
					}
				}
				entries, _ := os.ReadDir(s.Root())
				for _, e := range entries {
					switch name := e.Name(); {
					case name == lockName || name == markerName:
					case name == "r" && len(runs) == 1:
						sub, _ := os.ReadDir(filepath.Join(s.Root(), name))
						for _, f := range sub {
							if strings.Contains(f.Name(), ".tmp-") {
								t.Errorf("fault at %s left %s", failed, f.Name())
							}
						}
					default:
						t.Errorf("fault at %s left %s in the store", failed, name)
					}
				}
				// A failed Create leaves nothing, so the run can be retried.
				if len(runs) == 0 {
					if err := writeRun(s, "r"); err != nil {
						t.Errorf("retry after a fault at %s: %v", failed, err)
					}
				}
			})
		}
	}
}

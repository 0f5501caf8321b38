package runstore

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hyperlab-go/hyperlab/history"
	"github.com/hyperlab-go/hyperlab/internal/testutil"
)

// TestBadInput damages a store the ways a crash, a full disk or a person
// can, and asserts one clear error (or an incomplete run with a note), and
// no panic.
func TestBadInput(t *testing.T) {
	// finished writes a complete run and returns its directory.
	finished := func(t *testing.T, s *Store, id string) string {
		w, err := s.Create(Meta{ID: id, Values: map[string]any{"a": 1}})
		if err != nil {
			t.Fatal(err)
		}
		w.Epoch(epoch(1))
		w.Epoch(epoch(2))
		w.Steps([]float64{1, 2})
		if err := w.Finish(&history.History{Status: history.Finished}); err != nil {
			t.Fatal(err)
		}
		return filepath.Join(s.Root(), id)
	}
	write := func(dir, name, content string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			panic(err)
		}
	}
	type outcome struct {
		err  []string // an error containing these; or
		note []string // an incomplete run whose note contains these
		kept int      // epochs kept, for notes
	}
	tests := []struct {
		name string
		run  func(t *testing.T, s *Store) (*Run, error)
		want outcome
	}{
		{"corrupt JSON line in epochs", func(t *testing.T, s *Store) (*Run, error) {
			dir := finished(t, s, "r")
			write(dir, epochsFile, `{"epoch":1}`+"\n{oops}\n"+`{"epoch":3}`+"\n")
			return s.Load("r")
		}, outcome{note: []string{"epochs.jsonl line 2", "kept the 1 epochs"}, kept: 1}},
		{"truncated last epoch line", func(t *testing.T, s *Store) (*Run, error) {
			dir := finished(t, s, "r")
			data, _ := os.ReadFile(filepath.Join(dir, epochsFile))
			write(dir, epochsFile, string(data[:len(data)-10]))
			return s.Load("r")
		}, outcome{note: []string{"epochs.jsonl line 2", "not a JSON epoch"}, kept: 1}},
		{"epochs file lost lines", func(t *testing.T, s *Store) (*Run, error) {
			dir := finished(t, s, "r")
			write(dir, epochsFile, `{"epoch":1}`+"\n")
			return s.Load("r")
		}, outcome{note: []string{"status.json records 2 epochs", "hold 1"}, kept: 1}},
		{"truncated steps line", func(t *testing.T, s *Store) (*Run, error) {
			dir := finished(t, s, "r")
			write(dir, stepsFile, "[1,2]\n[3,")
			return s.Load("r")
		}, outcome{note: []string{"steps.jsonl line 2"}, kept: 2}},
		{"missing status", func(t *testing.T, s *Store) (*Run, error) {
			dir := finished(t, s, "r")
			os.Remove(filepath.Join(dir, statusFile))
			return s.Load("r")
		}, outcome{note: []string{"status.json is missing"}, kept: 2}},
		{"missing values", func(t *testing.T, s *Store) (*Run, error) {
			dir := finished(t, s, "r")
			os.Remove(filepath.Join(dir, valuesFile))
			return s.Load("r")
		}, outcome{note: []string{"values.json is missing"}, kept: 2}},
		{"corrupt values.json", func(t *testing.T, s *Store) (*Run, error) {
			dir := finished(t, s, "r")
			write(dir, valuesFile, `{"id":"r","values":{`)
			return s.Load("r")
		}, outcome{err: []string{filepath.Join("r", "values.json") + " is corrupt", "fix or delete"}}},
		{"corrupt status.json", func(t *testing.T, s *Store) (*Run, error) {
			dir := finished(t, s, "r")
			write(dir, statusFile, `{"status":`)
			return s.Load("r")
		}, outcome{err: []string{"status.json is corrupt"}}},
		{"unknown status", func(t *testing.T, s *Store) (*Run, error) {
			dir := finished(t, s, "r")
			write(dir, statusFile, `{"status":"exploded"}`)
			return s.Load("r")
		}, outcome{err: []string{`unknown status "exploded"`}}},
		{"missing run", func(t *testing.T, s *Store) (*Run, error) { return s.Load("nope") }, outcome{err: []string{`no run "nope"`}}},
		{"ID escaping the root", func(t *testing.T, s *Store) (*Run, error) { return s.Load("../../etc") }, outcome{err: []string{"starts with '.'"}}},
		{"Create with an absolute path ID", func(t *testing.T, s *Store) (*Run, error) {
			_, err := s.Create(Meta{ID: "/tmp/x"})
			return nil, err
		}, outcome{err: []string{"path separator"}}},
		{"Create with a NUL in the ID", func(t *testing.T, s *Store) (*Run, error) {
			_, err := s.Create(Meta{ID: "a\x00"})
			return nil, err
		}, outcome{err: []string{"NUL"}}},
		{"Create with a very long ID", func(t *testing.T, s *Store) (*Run, error) {
			_, err := s.Create(Meta{ID: strings.Repeat("x", 4096)})
			return nil, err
		}, outcome{err: []string{"more than 128"}}},
		{"values that are not JSON", func(t *testing.T, s *Store) (*Run, error) {
			_, err := s.Create(Meta{ID: "nan", Values: map[string]any{"lr": nanValue()}})
			return nil, err
		}, outcome{err: []string{`run "nan": its values cannot be saved as JSON`}}},
		{"unwritable root (a file where the directory should be)", func(t *testing.T, s *Store) (*Run, error) {
			file := filepath.Join(t.TempDir(), "file")
			testutil.WriteFile(t, file, "")
			_, err := Open(filepath.Join(file, "runs"))
			return nil, err
		}, outcome{err: []string{"cannot create the store directory", "not a directory"}}},
		{"root is a file", func(t *testing.T, s *Store) (*Run, error) {
			file := filepath.Join(t.TempDir(), "file")
			testutil.WriteFile(t, file, "")
			_, err := Open(file)
			return nil, err
		}, outcome{err: []string{"cannot create the store directory"}}},
		{"run directory replaced by a file", func(t *testing.T, s *Store) (*Run, error) {
			write(s.Root(), "plain", "x")
			return s.Load("plain")
		}, outcome{err: []string{"is not a run directory"}}},
		{"run directory unwritable (a file where epochs.jsonl goes)", func(t *testing.T, s *Store) (*Run, error) {
			w, err := s.Create(Meta{ID: "blocked"})
			if err != nil {
				return nil, err
			}
			defer w.Close()
			// Replace the run directory under the writer: status.json's
			// directory becomes a file, so Finish cannot write.
			dir := filepath.Join(s.Root(), "blocked")
			os.RemoveAll(dir)
			write(s.Root(), "blocked", "")
			return nil, w.Finish(&history.History{Status: history.Finished})
		}, outcome{err: []string{"runstore: ", "blocked"}}},
		{"empty root", func(t *testing.T, s *Store) (*Run, error) { _, err := Open(""); return nil, err }, outcome{err: []string{"root is empty"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := openTemp(t)
			var run *Run
			err := testutil.NoPanic(t, func() (err error) { run, err = tt.run(t, s); return err })
			if tt.want.err != nil {
				if err == nil {
					t.Fatalf("no error (run %+v)", run)
				}
				if !strings.HasPrefix(err.Error(), "runstore: ") {
					t.Errorf("error %q lacks the package prefix", err)
				}
				for _, w := range tt.want.err {
					if !strings.Contains(err.Error(), w) {
						t.Errorf("error %q does not contain %q", err, w)
					}
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if run.Complete || run.Active {
				t.Errorf("complete=%v active=%v, want an abandoned incomplete run", run.Complete, run.Active)
			}
			if len(run.History.Epochs) != tt.want.kept {
				t.Errorf("kept %d epochs, want %d", len(run.History.Epochs), tt.want.kept)
			}
			for _, w := range tt.want.note {
				if !strings.Contains(run.Note, w) {
					t.Errorf("note %q does not contain %q", run.Note, w)
				}
			}
			// An incomplete run can be reset and created again.
			if err := s.Reset(run.ID); err != nil {
				t.Errorf("Reset: %v", err)
			}
		})
	}
}

func nanValue() float64 { return zero / zero }

var zero = 0.0

// List reports unreadable runs by name and still returns the good ones.
func TestListWithACorruptRun(t *testing.T) {
	s := openTemp(t)
	for _, id := range []string{"good", "bad"} {
		w, _ := s.Create(Meta{ID: id})
		w.Finish(&history.History{Status: history.Finished})
	}
	testutil.WriteFile(t, filepath.Join(s.Root(), "bad", valuesFile), "{")
	runs, err := s.List()
	if len(runs) != 1 || runs[0].ID != "good" || err == nil || !strings.Contains(err.Error(), filepath.Join("bad", valuesFile)) {
		t.Fatalf("runs %v, err %v", runs, err)
	}
	if errors.Is(err, ErrNotFound) {
		t.Error("a corrupt run reported as missing")
	}
}

package runstore

import (
	"errors"
	"testing"
)

// An artifact saved with Writer.Artifact reads back through Run.Artifact;
// a missing one is ErrNotFound.
func TestRunArtifact(t *testing.T) {
	s, w := tempRun(t, Meta{ID: "a1"})
	if err := w.Artifact("boundary.json", []byte(`{"x":1}`)); err != nil {
		t.Fatal(err)
	}
	_ = w.Close()
	r, err := s.Load("a1")
	if err != nil {
		t.Fatal(err)
	}
	if data, err := r.Artifact("boundary.json"); err != nil || string(data) != `{"x":1}` {
		t.Errorf("Artifact = %q, %v", data, err)
	}
	if _, err := r.Artifact("weights.json"); !errors.Is(err, ErrNotFound) {
		t.Errorf("missing artifact: %v, want ErrNotFound", err)
	}
	if _, err := r.Artifact("../values.json"); err == nil {
		t.Error("a path as artifact name was accepted")
	}
}

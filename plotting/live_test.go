package plotting

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hyperlab-go/hyperlab/history"
)

// Outside a notebook (go test), Update does nothing and Done writes the
// final chart to File as a standalone page.
func TestLiveOutsideNotebook(t *testing.T) {
	if InNotebook() {
		t.Skip("runs outside GoNB only")
	}
	file := filepath.Join(t.TempDir(), "live.html")
	l := NewLive(LiveOptions{Loss: LossOptions{Title: "Live <run>"}, File: file})
	for _, e := range sampleHistory().Epochs {
		l.Epoch(e)
	}
	if _, err := os.Stat(file); err == nil {
		t.Fatal("Update wrote the file before Done")
	}
	if err := l.Done(nil); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	s := string(b)
	if !strings.Contains(s, "<title>Live &lt;run&gt;</title>") || !strings.Contains(s, `[4,0.2,0.5,`) {
		t.Errorf("the live page lacks its title or its 4th epoch:\n%s", s)
	}
	// Without File, Done writes nothing and returns no error.
	if err := NewLive(LiveOptions{}).Done(&history.History{}); err != nil {
		t.Error(err)
	}
}

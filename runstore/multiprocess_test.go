package runstore

import (
	"bufio"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"sync"
	"testing"

	"github.com/hyperlab-go/hyperlab/history"
)

const raceEnv = "RUNSTORE_RACE_CHILD_ROOT"

// TestRaceChild is the body of TestCreateAcrossProcesses' children: each
// tries to create the same runs; it prints WON for the ones it got.
func TestRaceChild(t *testing.T) {
	s := childStore(t, raceEnv, "TestCreateAcrossProcesses")
	for i := range 10 {
		id := fmt.Sprintf("p%d", i)
		w, err := s.Create(Meta{ID: id})
		if err != nil {
			if !strings.Contains(err.Error(), "already exists") {
				fmt.Println("ERR", err)
			}
			continue
		}
		for e := 1; e <= 3; e++ {
			w.Epoch(epoch(e))
		}
		if err := w.Finish(&history.History{Status: history.Finished}); err != nil {
			fmt.Println("ERR", err)
		}
		fmt.Println("WON", id)
	}
}

// Four processes race to create the same ten runs: each run has exactly
// one creator, and every run is complete and whole.
func TestCreateAcrossProcesses(t *testing.T) {
	if testing.Short() {
		t.Skip("starts 4 child processes; skipped with -short")
	}
	root := t.TempDir()
	var mu sync.Mutex
	wins := map[string]int{}
	var wg sync.WaitGroup
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			cmd := exec.Command(os.Args[0], "-test.run=^TestRaceChild$", "-test.count=1")
			cmd.Env = append(os.Environ(), raceEnv+"="+root)
			out, err := cmd.Output()
			if err != nil {
				t.Errorf("child: %v", err)
			}
			sc := bufio.NewScanner(strings.NewReader(string(out)))
			for sc.Scan() {
				f := strings.Fields(sc.Text())
				switch {
				case len(f) == 2 && f[0] == "WON":
					mu.Lock()
					wins[f[1]]++
					mu.Unlock()
				case len(f) > 0 && f[0] == "ERR":
					t.Errorf("child: %s", sc.Text())
				}
			}
		}()
	}
	wg.Wait()
	s, _ := Open(root)
	runs, err := s.List(IsComplete)
	if err != nil || len(runs) != 10 {
		t.Fatalf("%d complete runs, %v", len(runs), err)
	}
	for _, r := range runs {
		if wins[r.ID] != 1 || len(r.History.Epochs) != 3 {
			t.Errorf("%s: %d creators, %d epochs", r.ID, wins[r.ID], len(r.History.Epochs))
		}
	}
}

// childStore opens the store whose root the parent test put in the
// environment variable env; in a normal test run (no parent) it skips. A
// child reports a failure as an "ERR" line and exit code 2, which the
// parent reads.
func childStore(t *testing.T, env, parent string) *Store {
	root := os.Getenv(env)
	if root == "" {
		t.Skip("the child of " + parent)
	}
	s, err := Open(root)
	if err != nil {
		fmt.Println("ERR", err)
		os.Exit(2)
	}
	return s
}

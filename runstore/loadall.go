package runstore

import (
	"errors"
	"sync"
)

// listWorkers is how many runs List reads at once. Reading a run is a
// handful of small files, so a large store is bound by the file system's
// latency (a shared volume, a loaded disk), not by the CPU: a few reads in
// flight hide it. Each run is still read once, so List stays linear in the
// number of runs.
const listWorkers = 8

// loadAll loads the runs ids, listWorkers at a time. Its results are in
// the order of ids (nil for a run deleted meanwhile or unreadable), and
// its errors too, so List's output does not depend on scheduling.
func (s *Store) loadAll(ids []string) ([]*Run, []error) {
	runs := make([]*Run, len(ids))
	errs := make([]error, len(ids))
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(listWorkers, len(ids)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				run, err := s.Load(ids[i])
				if errors.Is(err, ErrNotFound) { // deleted meanwhile
					continue
				}
				runs[i], errs[i] = run, err
			}
		}()
	}
	for i := range ids {
		next <- i
	}
	close(next)
	wg.Wait()
	return runs, errs
}

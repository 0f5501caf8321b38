package training

import (
	"context"
	"runtime"
	"sort"
	"sync"

	"github.com/hyperlab-go/hyperlab/history"
	"github.com/hyperlab-go/hyperlab/hparams"
)

// runSearch runs s.Search: it replays the search's stored runs, then asks
// the study for trials, Workers at a time, until this process has trained
// its share or the search has its Trials runs (see Search).
func (s *Sweep) runSearch(ctx context.Context) ([]Row, error) {
	sr := s.Search
	dims, err := sr.resolve()
	if err != nil {
		return nil, err
	}
	sharded := s.Shard.Count > 1
	st, err := newStudy(sr, dims, sr.Seed+int64(s.Shard.Index))
	if err != nil {
		return nil, err
	}
	var rows []Row
	if s.Store != nil {
		// Killed runs are retried only by a lone process: with shards, one
		// may be another shard's trial, training right now.
		if rows, st.retry, err = st.sync(s.Store, s.Data, !sharded); err != nil {
			return nil, err
		}
	}
	share := 0
	for k := range sr.Trials {
		if s.Shard.Owns(k) {
			share++
		}
	}
	if len(rows) > sr.Trials {
		rows = rows[:sr.Trials]
	}
	// Killed runs are trained again only into the slots the replayed runs
	// leave: a store may hold more runs of the search than Trials.
	if free := max(0, sr.Trials-len(rows)); len(st.retry) > free {
		st.retry = st.retry[:free]
	}
	// The killed runs to train again hold slots among the search's Trials
	// already (count has them): they come on top of the slots left.
	todo := min(share, max(0, sr.Trials-st.count())+len(st.retry))
	total := len(rows) + todo
	for k := range rows {
		rows[k].Trial = k
		s.notify(TrialEvent{Trial: k, Total: total, ID: rows[k].ID, Values: s.valuesOf(st, rows[k]), Done: true, Reused: true, Row: rows[k]})
	}
	workers := s.Workers
	if workers <= 0 {
		workers = runtime.NumCPU()
	}
	workers = min(workers, todo)
	if workers == 0 {
		return rows, nil
	}
	if s.backend, err = s.sweepBackend(workers); err != nil {
		return nil, err
	}
	var (
		mu      sync.Mutex
		out     = rows
		errs    []error
		started int
		wg      sync.WaitGroup
	)
	// next reserves the next slot, with a killed run's values to train
	// again while there are any, or says to stop.
	next := func() (int, hparams.Values, bool) {
		mu.Lock()
		defer mu.Unlock()
		if ctx.Err() != nil || len(errs) > 0 || started >= share {
			return 0, hparams.Values{}, false
		}
		if len(st.retry) > 0 {
			v := st.retry[0]
			st.retry = st.retry[1:]
			slot := len(rows) + started
			started++
			return slot, v, true
		}
		if sharded && s.Store != nil {
			// Learn from what the other shards finished since, and count
			// what they are training.
			if _, _, err := st.sync(s.Store, s.Data, false); err != nil {
				errs = append(errs, err)
				return 0, hparams.Values{}, false
			}
		}
		if st.count() >= sr.Trials {
			return 0, hparams.Values{}, false
		}
		slot := len(rows) + started
		started++
		return slot, hparams.Values{}, true
	}
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				slot, retry, ok := next()
				if !ok {
					return
				}
				row, err := s.searchTrial(ctx, st, slot, total, retry)
				mu.Lock()
				if err != nil {
					errs = append(errs, err)
				} else if row != nil {
					out = append(out, *row)
				}
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	sort.SliceStable(out, func(i, j int) bool { return out[i].Trial < out[j].Trial })
	if len(errs) > 0 {
		return out, errs[0]
	}
	return out, nil
}

// searchTrial trains retry, a killed run's values, or else the study's
// next proposal, with the pruner, and tells the study how it went.
func (s *Sweep) searchTrial(ctx context.Context, st *study, slot, total int, retry hparams.Values) (*Row, error) {
	v := retry
	var id int
	var err error
	if v.Spec() != nil {
		id, err = st.fixed(v, s.Data)
	} else {
		id, v, err = st.ask(s.Data)
	}
	if err != nil {
		return nil, err
	}
	var extra []Option
	if s.Search.Pruner == PrunerMedian {
		extra = append(extra, PruneWhen(st.pruner(id)))
	}
	row := s.runOne(ctx, 0, slot, total, v, extra...)
	if ctx.Err() != nil && row.Status == history.Cancelled {
		return nil, nil // interrupted: the store keeps it for a resume
	}
	return &row, st.tell(id, row)
}

// valuesOf rebuilds a replayed row's Values for its event (the base's when
// they cannot be rebuilt, which sync has already ruled out).
func (s *Sweep) valuesOf(st *study, r Row) hparams.Values {
	v, err := st.values(r.Values)
	if err != nil {
		return s.Search.Base
	}
	return v
}

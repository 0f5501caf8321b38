package main

import (
	"testing"

	"github.com/hyperlab-go/hyperlab/internal/testutil"
	"github.com/hyperlab-go/hyperlab/training"
)

func TestClusterShard(t *testing.T) {
	for _, tc := range []struct {
		name    string
		env     map[string]string
		shards  int
		want    training.Shard
		ok      bool
		wantErr string
	}{
		{"nothing set", nil, 0, training.Shard{}, false, ""},
		{"slurm with count", map[string]string{envSlurmID: "2", envSlurmCount: "4"}, 0, training.Shard{Index: 2, Count: 4}, true, ""},
		{"slurm from min max", map[string]string{envSlurmID: "11", envSlurmMin: "10", envSlurmMax: "13"}, 0, training.Shard{Index: 1, Count: 4}, true, ""},
		{"slurm with step", map[string]string{envSlurmID: "4", envSlurmMin: "0", envSlurmMax: "6", envSlurmStep: "2", envSlurmCount: "4"}, 0, training.Shard{Index: 2, Count: 4}, true, ""},
		{"slurm agrees with --shards", map[string]string{envSlurmID: "3", envSlurmCount: "4"}, 4, training.Shard{Index: 3, Count: 4}, true, ""},
		{"slurm disagrees with --shards", map[string]string{envSlurmID: "3", envSlurmCount: "4"}, 8, training.Shard{}, true, "disagrees with the Slurm array of 4 tasks"},
		{"slurm id not a number", map[string]string{envSlurmID: "x", envSlurmCount: "4"}, 0, training.Shard{}, true, `SLURM_ARRAY_TASK_ID="x" is not a task index`},
		{"slurm id without count", map[string]string{envSlurmID: "1"}, 0, training.Shard{}, true, "comes without SLURM_ARRAY_TASK_COUNT"},
		{"slurm id off the step", map[string]string{envSlurmID: "3", envSlurmMin: "0", envSlurmStep: "2", envSlurmCount: "4"}, 0, training.Shard{}, true, "is not a task of the array"},
		{"kubernetes", map[string]string{envK8sIndex: "1"}, 2, training.Shard{Index: 1, Count: 2}, true, ""},
		{"kubernetes index out of range", map[string]string{envK8sIndex: "2"}, 2, training.Shard{}, true, "is not a shard index from 0 to 1"},
		{"--shards without an index", nil, 2, training.Shard{}, false, "needs the shard index"},
		{"kubernetes index without --shards is ignored", map[string]string{envK8sIndex: "1"}, 0, training.Shard{}, false, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, from, ok, err := clusterShard(func(k string) string { return tc.env[k] }, tc.shards)
			if testutil.ErrCase(t, err, tc.wantErr) {
				return
			}
			if got != tc.want || ok != tc.ok {
				t.Errorf("clusterShard = %v, %v; want %v, %v", got, ok, tc.want, tc.ok)
			}
			if ok && from == "" {
				t.Error("no source named for the shard")
			}
		})
	}
}

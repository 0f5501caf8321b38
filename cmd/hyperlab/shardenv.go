package main

import (
	"fmt"
	"strconv"

	"github.com/hyperlab-go/hyperlab/training"
)

// The variables a cluster sets for each task of a job array, from which a
// sweep learns its shard so that one command line serves every task.
const (
	envK8sIndex   = "JOB_COMPLETION_INDEX"   // Kubernetes Indexed Job: 0 … completions-1
	envSlurmID    = "SLURM_ARRAY_TASK_ID"    // Slurm job array: this task's index
	envSlurmCount = "SLURM_ARRAY_TASK_COUNT" // number of tasks in the array
	envSlurmMin   = "SLURM_ARRAY_TASK_MIN"   // lowest index (--array=MIN-MAX)
	envSlurmMax   = "SLURM_ARRAY_TASK_MAX"   // highest index
	envSlurmStep  = "SLURM_ARRAY_TASK_STEP"  // index step (--array=0-15:2)
)

// clusterShard is the shard a cluster's job array gives this process: from
// Slurm's array variables, or with shards > 0 from Kubernetes's
// JOB_COMPLETION_INDEX. from names the variables, for messages; ok is false
// when no array variable is set. shards (--shards, 0 when not given) must
// agree with the array's size.
func clusterShard(getenv func(string) string, shards int) (s training.Shard, from string, ok bool, err error) {
	if id := getenv(envSlurmID); id != "" {
		s, err = slurmShard(getenv)
		if err != nil {
			return s, envSlurmID, true, err
		}
		if shards != 0 && shards != s.Count {
			return s, envSlurmID, true, usagef("--shards=%d disagrees with the Slurm array of %d tasks (%s); drop --shards, or submit --array=0-%d", shards, s.Count, envSlurmCount, shards-1)
		}
		return s, fmt.Sprintf("%s=%s", envSlurmID, id), true, nil
	}
	if shards == 0 {
		return training.Shard{}, "", false, nil
	}
	idx := getenv(envK8sIndex)
	if idx == "" {
		return training.Shard{}, "", false, usagef("--shards=%d needs the shard index in $%s (set by a Kubernetes Indexed Job) or $%s (a Slurm job array); use --shard i/n elsewhere", shards, envK8sIndex, envSlurmID)
	}
	i, err := strconv.Atoi(idx)
	s = training.Shard{Index: i, Count: shards}
	if err != nil || s.Validate() != nil {
		return s, envK8sIndex, true, usagef("%s=%s with --shards=%d is not a shard index from 0 to %d", envK8sIndex, idx, shards, shards-1)
	}
	return s, fmt.Sprintf("%s=%s", envK8sIndex, idx), true, nil
}

// slurmShard reads a Slurm array task's shard: index (ID−MIN)/STEP of
// COUNT (or (MAX−MIN)/STEP+1) tasks.
func slurmShard(getenv func(string) string) (training.Shard, error) {
	num := func(name string, def int) (int, error) {
		v := getenv(name)
		if v == "" {
			return def, nil
		}
		n, err := strconv.Atoi(v)
		if err != nil || n < 0 {
			return 0, usagef("%s=%q is not a task index; run the sweep inside a Slurm job array (sbatch --array=0-N)", name, v)
		}
		return n, nil
	}
	id, err := num(envSlurmID, 0)
	if err != nil {
		return training.Shard{}, err
	}
	lo, err := num(envSlurmMin, 0)
	if err != nil {
		return training.Shard{}, err
	}
	step, err := num(envSlurmStep, 1)
	if err != nil || step == 0 {
		return training.Shard{}, usagef("%s=%q is not an array step", envSlurmStep, getenv(envSlurmStep))
	}
	count, err := num(envSlurmCount, 0)
	if err != nil {
		return training.Shard{}, err
	}
	if count == 0 {
		hi, err := num(envSlurmMax, -1)
		if err != nil || hi < lo {
			return training.Shard{}, usagef("%s=%s comes without %s or %s; run the sweep inside a Slurm job array (sbatch --array=0-N)", envSlurmID, getenv(envSlurmID), envSlurmCount, envSlurmMax)
		}
		count = (hi-lo)/step + 1
	}
	s := training.Shard{Index: (id - lo) / step, Count: count}
	if id < lo || (id-lo)%step != 0 || s.Validate() != nil {
		return s, usagef("%s=%d is not a task of the array %d-%d:%d of %d tasks", envSlurmID, id, lo, lo+(count-1)*step, step, count)
	}
	return s, nil
}

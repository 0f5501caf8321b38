package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var slurmSweep = []string{"--grid", "learning_rate=0.01,0.1", "--grid", "batch_size=16,64", "--epochs=3", "--size", "200"}

func TestSlurmScripts(t *testing.T) {
	dir := t.TempDir()
	runs := filepath.Join(dir, "runs")
	bin := filepath.Join(dir, "bin", "hyperlab")
	var out, errs bytes.Buffer
	args := append([]string{"slurm", "--shards", "4", "--parallel", "2", "--runs", runs, "--hyperlab", bin, "--partition", "debug", "--time", "1:00:00"}, slurmSweep...)
	if code := run(args, &out, &errs); code != exitOK {
		t.Fatalf("exit %d: %s", code, errs.String())
	}
	array, err := os.ReadFile(filepath.Join(runs+"-slurm", "hyperlab-sweep.sbatch"))
	if err != nil {
		t.Fatal(err)
	}
	report, err := os.ReadFile(filepath.Join(runs+"-slurm", "hyperlab-report.sbatch"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"#SBATCH --array=0-3\n", "#SBATCH --cpus-per-task=2\n", "#SBATCH --partition=debug\n", "#SBATCH --time=1:00:00\n",
		"'" + bin + "' sweep '--grid' 'learning_rate=0.01,0.1' '--grid' 'batch_size=16,64' '--epochs=3' '--size' '200' --shards=4 --parallel=2 --runs='" + runs + "'"} {
		if !strings.Contains(string(array), want) {
			t.Errorf("array script lacks %q:\n%s", want, array)
		}
	}
	if !strings.Contains(string(report), "report --runs='"+runs+"'") || strings.Contains(string(report), "--array") {
		t.Errorf("report script:\n%s", report)
	}
	if !strings.Contains(out.String(), string(array)) || !strings.Contains(out.String(), "--dependency=afterany:") {
		t.Errorf("the scripts are not shown before submitting:\n%s", out.String())
	}
	if _, err := os.Stat(runs); !os.IsNotExist(err) {
		t.Errorf("writing the scripts created the run store (%v); only the tasks should", err)
	}
}

func TestSlurmRefusesBeforeWriting(t *testing.T) {
	dir := t.TempDir()
	runs := filepath.Join(dir, "runs")
	for _, tc := range []struct {
		name string
		args []string
		want string
	}{
		{"no shards", []string{"--runs", runs}, "--shards N"},
		{"no runs", []string{"--shards", "2"}, "--runs DIR"},
		{"a shard by hand", []string{"--shards", "2", "--shard", "0/2", "--runs", runs}, "each array task finds its own"},
		{"a bad sweep", []string{"--shards", "2", "--runs", runs, "--grid", "learning_rat=0.1"}, "learning_rat"},
		{"a bad partition", []string{"--shards", "2", "--runs", runs, "--hyperlab", "/bin/true", "--partition", "a;rm"}, "--partition"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var out, errs bytes.Buffer
			args := append([]string{"slurm"}, tc.args...)
			if tc.name != "a bad sweep" {
				args = append(args, slurmSweep...)
			}
			code := run(args, &out, &errs)
			if code != exitUsage || !strings.Contains(errs.String(), tc.want) {
				t.Errorf("exit %d, stderr %q; want exit 2 naming %q", code, errs.String(), tc.want)
			}
			if _, err := os.Stat(runs + "-slurm"); !os.IsNotExist(err) {
				t.Errorf("scripts written despite the error")
			}
		})
	}
}

// A link planted where a script goes is replaced, its target left as it was.
func TestSlurmScriptsDoNotFollowLinks(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "victim")
	os.WriteFile(target, []byte("keep"), 0o600)
	scripts := filepath.Join(dir, "s")
	os.MkdirAll(scripts, 0o755)
	os.Symlink(target, filepath.Join(scripts, "hyperlab-sweep.sbatch"))
	var out, errs bytes.Buffer
	args := append([]string{"slurm", "--shards", "2", "--runs", filepath.Join(dir, "runs"), "--hyperlab", "/bin/true", "--scripts", scripts}, slurmSweep...)
	if code := run(args, &out, &errs); code != exitOK {
		t.Fatalf("exit %d: %s", code, errs.String())
	}
	if b, _ := os.ReadFile(target); string(b) != "keep" {
		t.Errorf("the link's target was written: %q", b)
	}
	if fi, err := os.Lstat(filepath.Join(scripts, "hyperlab-sweep.sbatch")); err != nil || !fi.Mode().IsRegular() {
		t.Errorf("the script is not a regular file: %v", err)
	}
}

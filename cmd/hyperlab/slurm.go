package main

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"text/template"

	"github.com/hyperlab-go/hyperlab/internal/atomicfile"
)

// slurmArgs are the flags of `hyperlab slurm` beyond a sweep's.
type slurmArgs struct {
	submit    bool
	partition string
	timeLimit string
	binary    string
	scripts   string
}

// slurmOwn are the flags that belong to `hyperlab slurm` and not to the
// sweep each array task runs.
var slurmOwn = map[string]bool{"submit": true, "partition": true, "time": true, "hyperlab": true, "scripts": true, "runs": true, "shards": true, "shard": true, "parallel": true, "out": true}

func runSlurm(ctx context.Context, c *cli, args []string, e *env) int {
	a := addSweepFlags(c)
	s := &slurmArgs{}
	c.boolVar(&s.submit, "submit", false, "submit the scripts with sbatch after printing them")
	c.stringVar(&s.partition, "partition", "", "Slurm partition (default: the cluster's default)")
	c.stringVar(&s.timeLimit, "time", "", "time limit of each array task, as sbatch --time takes it (e.g. 2:00:00)")
	c.stringVar(&s.binary, "hyperlab", "", "the hyperlab binary the tasks run, on a path every node sees (default: this program, when it is not a temporary `go run` build)")
	c.stringVar(&s.scripts, "scripts", "", "where to write sweep.sbatch and report.sbatch (default: the --runs folder's name plus -slurm, beside it)")
	if code, stop := c.parseArgs(args, e); stop {
		return code
	}
	if a.shards < 1 {
		return fail(e, c.name, usagef("give the number of array tasks with --shards N (N ≥ 1)"))
	}
	if a.shard != "" {
		return fail(e, c.name, usagef("--shard i/n runs one shard by hand; with slurm give --shards N and each array task finds its own"))
	}
	runsGiven := false
	c.fs.Visit(func(f *flag.Flag) { runsGiven = runsGiven || f.Name == "runs" })
	if !runsGiven || c.runs == "" {
		return fail(e, c.name, usagef("give the run store on the shared file system with --runs DIR: every array task writes there"))
	}
	// Check the sweep itself (its flags, its trials) before writing anything,
	// as one array task will: a typo is found here, not on the cluster.
	shards := a.shards
	a.shards = 0
	if _, err := a.build(c, e); err != nil {
		return fail(e, c.name, err)
	}
	jobs, err := s.scriptsOf(c, a, shards, args)
	if err != nil {
		return fail(e, c.name, err)
	}
	for _, j := range jobs {
		if err := writeScript(j.path, j.text); err != nil {
			return fail(e, c.name, err)
		}
		fmt.Fprintf(e.stdout, "# %s\n%s\n", j.path, j.text)
	}
	if !s.submit {
		fmt.Fprintf(e.stdout, "Submit with: hyperlab slurm --submit …, or by hand:\n  id=$(sbatch --parsable %s) && sbatch --dependency=afterany:${id%%%%;*} %s\n", shellQuote(jobs[0].path), shellQuote(jobs[1].path))
		return exitOK
	}
	id, err := sbatch(ctx, jobs[0].path)
	if err != nil {
		return fail(e, c.name, err)
	}
	rid, err := sbatch(ctx, "--dependency=afterany:"+id, jobs[1].path)
	if err != nil {
		return fail(e, c.name, fmt.Errorf("the array is job %s, but submitting the report job failed: %w", id, err))
	}
	fmt.Fprintf(e.stdout, "Submitted the sweep as job array %s (%d tasks) and the report as job %s; watch with: squeue -j %s,%s\n", id, shards, rid, id, rid)
	return exitOK
}

type batchScript struct{ path, text string }

var sbatchTemplate = template.Must(template.New("sbatch").Parse(`#!/bin/bash
#SBATCH --job-name={{.Name}}
{{- if .IsArray}}
#SBATCH --array=0-{{.Array}}
{{- end}}
#SBATCH --ntasks=1
#SBATCH --cpus-per-task={{.CPUs}}
{{- if .Partition}}
#SBATCH --partition={{.Partition}}
{{- end}}
{{- if .Time}}
#SBATCH --time={{.Time}}
{{- end}}
#SBATCH --output={{.Log}}
# Written by hyperlab slurm. {{.Why}}
set -euo pipefail
exec {{.Command}}
`))

// scriptsOf returns the array script and the report script.
func (s *slurmArgs) scriptsOf(c *cli, a *sweepArgs, shards int, args []string) ([]batchScript, error) {
	runs, err := filepath.Abs(c.runs)
	if err != nil {
		return nil, err
	}
	bin := s.binary
	if bin == "" {
		if bin, err = os.Executable(); err != nil || strings.Contains(bin, "go-build") {
			return nil, usagef("this program is a temporary `go run` build; build it with `go build -o hyperlab ./cmd/hyperlab` on a path every node sees and pass --hyperlab PATH")
		}
	}
	if bin, err = filepath.Abs(bin); err != nil {
		return nil, err
	}
	dir := s.scripts
	if dir == "" {
		dir = runs + "-slurm" // beside the store, not in it: the store holds runs only
	}
	if dir, err = filepath.Abs(dir); err != nil {
		return nil, err
	}
	for name, v := range map[string]string{"--partition": s.partition, "--time": s.timeLimit} {
		if !safeSlurmValue.MatchString(v) {
			return nil, usagef("%s=%q has characters sbatch does not take; use letters, digits, - _ : .", name, v)
		}
	}
	sweep := []string{shellQuote(bin), "sweep"}
	for _, arg := range sweepFlags(c.fs, args) {
		sweep = append(sweep, shellQuote(arg))
	}
	sweep = append(sweep, "--shards="+fmt.Sprint(shards), fmt.Sprintf("--parallel=%d", a.parallel), "--runs="+shellQuote(runs))
	report := []string{shellQuote(bin), "report", "--runs=" + shellQuote(runs),
		"--out=" + shellQuote(filepath.Join(runs, "report.html")), "--table=" + shellQuote(filepath.Join(runs, "results.csv"))}
	fill := func(name string, array, cpus int, log, why string, cmd []string) (batchScript, error) {
		var b bytes.Buffer
		err := sbatchTemplate.Execute(&b, map[string]any{
			"Name": name, "IsArray": array >= 0, "Array": array, "CPUs": cpus, "Partition": s.partition, "Time": s.timeLimit,
			"Log": filepath.Join(dir, log), "Why": why, "Command": strings.Join(cmd, " "),
		})
		return batchScript{filepath.Join(dir, name+".sbatch"), b.String()}, err
	}
	arr, err := fill("hyperlab-sweep", shards-1, a.parallel, "sweep-%A_%a.out",
		fmt.Sprintf("Task i of the array runs shard i/%d of the sweep (SLURM_ARRAY_TASK_ID); a resubmitted task skips the trials already finished in the store.", shards),
		sweep)
	if err != nil {
		return nil, err
	}
	rep, err := fill("hyperlab-report", -1, 1, "report-%j.out",
		"Submit it with --dependency=afterany:<array job id>: it merges the shards into one report.", report)
	return []batchScript{arr, rep}, err
}

// safeSlurmValue is what --partition and --time may contain.
var safeSlurmValue = regexp.MustCompile(`^[A-Za-z0-9_:.\-]*$`)

// sweepFlags returns the flags of args (as given) that the array's sweep
// needs: all but slurm's own, which scriptsOf sets itself.
func sweepFlags(fs *flag.FlagSet, args []string) []string {
	var out []string
	for i := 0; i < len(args); i++ {
		arg := args[i]
		name, _, hasValue := strings.Cut(strings.TrimLeft(arg, "-"), "=")
		f := fs.Lookup(name)
		takesNext := !hasValue && f != nil && !isBoolFlag(f)
		if slurmOwn[name] {
			if takesNext {
				i++
			}
			continue
		}
		out = append(out, arg)
		if takesNext && i+1 < len(args) {
			i++
			out = append(out, args[i])
		}
	}
	return out
}

func isBoolFlag(f *flag.Flag) bool {
	b, ok := f.Value.(interface{ IsBoolFlag() bool })
	return ok && b.IsBoolFlag()
}

// writeScript writes one batch script, creating its folder. It writes a
// temporary file and renames it into place, so a link or a named pipe
// planted at path is replaced, never written through.
func writeScript(path, text string) error {
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("cannot create %s (%v); give --scripts a folder you can write to", dir, err)
	}
	if err := atomicfile.Write(path, []byte(text), 0o755); err != nil {
		return fmt.Errorf("cannot write %s (%v); give --scripts a folder you can write to", path, err)
	}
	return nil
}

// sbatch submits a script and returns its job id.
func sbatch(ctx context.Context, args ...string) (string, error) {
	if _, err := exec.LookPath("sbatch"); err != nil {
		return "", fmt.Errorf("sbatch is not on PATH: submit from a Slurm login node, or run the printed commands there")
	}
	out, err := exec.CommandContext(ctx, "sbatch", append([]string{"--parsable"}, args...)...).CombinedOutput()
	if err != nil {
		return "", fmt.Errorf("sbatch %s failed (%v): %s", strings.Join(args, " "), err, strings.TrimSpace(string(out)))
	}
	id, _, _ := strings.Cut(strings.TrimSpace(string(out)), ";") // "id;cluster" on federated clusters
	return id, nil
}

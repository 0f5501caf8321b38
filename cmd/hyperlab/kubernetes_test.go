package main

import (
	"bytes"
	"debug/elf"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strconv"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"
)

// indexedJob is the part of deploy/kubernetes/sweep-job.yaml the CLI must agree with.
type indexedJob struct {
	Kind string
	Spec struct {
		CompletionMode string `yaml:"completionMode"`
		Completions    int
		Template       struct {
			Spec struct {
				Containers []struct {
					Image        string
					Args         []string
					VolumeMounts []struct {
						Name      string
						MountPath string `yaml:"mountPath"`
					} `yaml:"volumeMounts"`
				}
			}
		}
	}
}

// The Indexed Job manifest parses, and its fields agree with the CLI's
// flags: the sweep's arguments parse; completions equals --shards; the
// shard index is the variable the CLI reads; --runs lies on the mounted
// volume.
func TestKubernetesManifest(t *testing.T) {
	b, err := os.ReadFile("../../deploy/kubernetes/sweep-job.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var job indexedJob
	if err := yaml.Unmarshal(b, &job); err != nil {
		t.Fatalf("the manifest is not YAML: %v", err)
	}
	if job.Kind != "Job" || job.Spec.CompletionMode != "Indexed" || len(job.Spec.Template.Spec.Containers) != 1 {
		t.Fatalf("not an Indexed Job with one container: %+v", job)
	}
	ctr := job.Spec.Template.Spec.Containers[0]
	if len(ctr.Args) == 0 || ctr.Args[0] != "sweep" {
		t.Fatalf("the container does not run a sweep: %v", ctr.Args)
	}
	c := newCLI("sweep", commands["sweep"].intro)
	a := addSweepFlags(c)
	if err := c.parse(ctr.Args[1:], &bytes.Buffer{}); err != nil {
		t.Fatalf("the manifest's sweep flags do not parse: %v", err)
	}
	if a.shards != job.Spec.Completions {
		t.Errorf("completions=%d but --shards=%d", job.Spec.Completions, a.shards)
	}
	// Every pod's index: the CLI finds it in the variable Kubernetes sets.
	for i := range job.Spec.Completions {
		s, _, ok, err := clusterShard(func(k string) string {
			if k == "JOB_COMPLETION_INDEX" {
				return strconv.Itoa(i)
			}
			return ""
		}, a.shards)
		if err != nil || !ok || s.Index != i {
			t.Errorf("pod %d: shard %v, %v, %v", i, s, ok, err)
		}
	}
	mounted := false
	for _, m := range ctr.VolumeMounts {
		if c.runs == m.MountPath || strings.HasPrefix(c.runs, strings.TrimSuffix(m.MountPath, "/")+"/") {
			mounted = true
		}
	}
	if !mounted {
		t.Errorf("--runs=%s is not on a mounted volume %+v", c.runs, ctr.VolumeMounts)
	}
	doc, err := os.ReadFile("../../docs/kubernetes.md")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(doc), "deploy/kubernetes/sweep-job.yaml") || !strings.Contains(string(doc), "docker build") {
		t.Error("docs/kubernetes.md does not use the manifest and the image recipe")
	}
}

// The Dockerfile's build step, run here as far as this machine allows (no
// container engine): the same go build gives a static binary, with no
// dynamic loader, that runs. Where docker works, the image is built too.
func TestContainerRecipe(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the static binary")
	}
	df, err := os.ReadFile("../../Dockerfile")
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`RUN (CGO_ENABLED=0 go build [^\\\n]*)`).FindSubmatch(df)
	if m == nil {
		t.Fatal("the Dockerfile has no `RUN CGO_ENABLED=0 go build` step")
	}
	for _, want := range []string{"USER nonroot", "distroless/static", "HYPERLAB_MNIST_DIR"} {
		if !bytes.Contains(df, []byte(want)) {
			t.Errorf("the Dockerfile lacks %q", want)
		}
	}
	out := filepath.Join(t.TempDir(), "hyperlab")
	// The step as the Dockerfile's shell runs it, writing into a temporary file.
	build := exec.Command("sh", "-c", strings.Replace(string(m[1]), "/out/hyperlab", out, 1))
	build.Dir = "../.."
	build.Env = append(os.Environ(), "PATH="+filepath.Join(runtime.GOROOT(), "bin")+string(os.PathListSeparator)+os.Getenv("PATH"))
	if b, err := build.CombinedOutput(); err != nil {
		t.Fatalf("%s: %v\n%s", m[1], err, b)
	}
	f, err := elf.Open(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for _, p := range f.Progs {
		if p.Type == elf.PT_INTERP {
			t.Error("the binary needs a dynamic loader; distroless/static has none")
		}
	}
	if b, err := exec.Command(out, "help").CombinedOutput(); err != nil || !strings.Contains(string(b), "sweep") {
		t.Errorf("the static binary does not run: %v\n%s", err, b)
	}
	if exec.Command("docker", "info").Run() == nil {
		if b, err := exec.Command("docker", "build", "-q", "../..").CombinedOutput(); err != nil {
			t.Errorf("docker build: %v\n%s", err, b)
		}
	} else {
		t.Log("no container engine here (docker info failed): checked the build step, not the image")
	}
}

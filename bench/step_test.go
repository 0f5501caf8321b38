package main

import (
	"fmt"
	"math"
	"testing"
	"time"
)

// The two layer implementations start from the same weights (same seed,
// same variable order) and must follow the same Adam trajectory: same
// losses step after step, within float tolerance.
func TestHyperlabAndStockStepsAgree(t *testing.T) {
	backend, err := NewBackend()
	if err != nil {
		t.Fatal(err)
	}
	cases := []Case{
		{Name: "small", Sizes: []int{20, 8, 3}, Batch: 7, LearningRate: 1e-2},
		{Name: "batch1", Sizes: []int{5, 4, 4, 2}, Batch: 1, LearningRate: 1e-2},
	}
	for _, c := range cases {
		t.Run(c.Name, func(t *testing.T) {
			var losses [2][]float32
			for i, l := range []Layer{Hyperlab, Stock} {
				s, err := NewStep(backend, c, l, 3)
				if err != nil {
					t.Fatal(err)
				}
				if _, err := s.Block(poolSize + 1); err != nil {
					t.Fatal(err)
				}
				losses[i] = s.Losses
			}
			// Step poolSize sees batch 0 again: the weights must have moved.
			if d := math.Abs(float64(losses[0][poolSize] - losses[0][0])); d < 1e-3 {
				t.Errorf("loss on batch 0 went from %g to %g after %d Adam steps; the weights did not move", losses[0][0], losses[0][poolSize], poolSize)
			}
			for k := range losses[0] {
				if d := math.Abs(float64(losses[0][k] - losses[1][k])); d > 1e-4*math.Max(1, float64(losses[1][k])) {
					t.Fatalf("step %d: hyperlab loss %g, layers.Dense loss %g", k, losses[0][k], losses[1][k])
				}
			}
		})
	}
}

func TestInterleaveTakesMedianPerContender(t *testing.T) {
	calls := map[string][]int{}
	fake := func(name string, perStep []time.Duration) *Contender {
		i := 0
		return &Contender{Name: name, Block: func(n int) (Cost, error) {
			calls[name] = append(calls[name], n)
			d := perStep[min(i, len(perStep)-1)] * time.Duration(n)
			i++
			return Cost{Wall: d, CPU: 2 * d}, nil
		}}
	}
	// First call sizes the block (1 step); then 3 rounds.
	a := fake("a", []time.Duration{10 * time.Millisecond, 10 * time.Millisecond, 50 * time.Millisecond, 12 * time.Millisecond})
	b := fake("b", []time.Duration{200 * time.Millisecond, 1 * time.Millisecond, 2 * time.Millisecond, 3 * time.Millisecond})
	got, err := Interleave([]*Contender{a, b}, 3, 100*time.Millisecond)
	if err != nil {
		t.Fatal(err)
	}
	if got[0].Wall != 12 || got[1].Wall != 2 || got[0].CPU != 24 || got[1].CPU != 4 {
		t.Errorf("medians %+v, want wall 12 and 2, CPU 24 and 4", got)
	}
	if got[0].Steps != 31 || got[1].Steps != 4 {
		t.Errorf("steps %d and %d, want 31 and 4", got[0].Steps, got[1].Steps)
	}
	if fmt.Sprint(calls["a"]) != "[1 10 10 10]" || fmt.Sprint(calls["b"]) != "[1 1 1 1]" {
		t.Errorf("block sizes a=%v b=%v, want a=[1 10 10 10] b=[1 1 1 1]", calls["a"], calls["b"])
	}
}

func TestParseTorchReply(t *testing.T) {
	cases := []struct {
		line    string
		wantErr bool
		ms      float64
	}{
		{`{"ms": 12.5, "loss": 0.3}`, false, 12.5},
		{`{"ready": true, "torch_version": "1.13", "threads": 2}`, false, 0},
		{`{"error": "unknown command 'x'"}`, true, 0},
		{`Traceback (most recent call last):`, true, 0},
		{``, true, 0},
	}
	for _, c := range cases {
		r, err := parseTorchReply([]byte(c.line))
		if (err != nil) != c.wantErr || r.Ms != c.ms {
			t.Errorf("parseTorchReply(%q) = %+v, %v; want ms %v, error %v", c.line, r, err, c.ms, c.wantErr)
		}
	}
}

func TestSelectCases(t *testing.T) {
	got, err := selectCases("toy, mnist")
	if err != nil || len(got) != 2 || got[0].Name != "toy" || got[1].Name != "mnist" {
		t.Errorf("selectCases = %v, %v", got, err)
	}
	if _, err := selectCases("mnist,huge"); err == nil || err.Error() != `bench: unknown case "huge" in -cases; use mnist, toy or wide` {
		t.Errorf("unknown case error = %v", err)
	}
	if _, err := selectItems("steps,nope"); err == nil {
		t.Error("selectItems accepted an unknown item")
	}
}

// The PyTorch side speaks the protocol (skipped where torch is missing).
func TestTorchStepProtocol(t *testing.T) {
	if testing.Short() {
		t.Skip("starts python and imports torch (seconds); skipped under -short")
	}
	py, err := FindPython("")
	if err != nil {
		t.Skip(err)
	}
	ts, err := StartTorch(py, Case{Name: "tiny", Sizes: []int{3, 4, 2}, Batch: 5, LearningRate: 1e-3}, 1, 2, time.Second)
	if err != nil {
		t.Fatal(err)
	}
	defer ts.Close()
	d, err := ts.Block(3)
	if err != nil || d.Wall <= 0 || d.CPU <= 0 {
		t.Fatalf("Block(3) = %v, %v", d, err)
	}
	if ts.Version == "" || ts.Threads != 1 {
		t.Errorf("torch version %q threads %d; want a version and 1 thread", ts.Version, ts.Threads)
	}
}

// BenchmarkStep times one training step per case and layer: go test
// -bench=Step ./bench. (The stock layer on the wide case takes seconds per
// step; -short skips it.)
func BenchmarkStep(b *testing.B) {
	backend, err := NewBackend()
	if err != nil {
		b.Fatal(err)
	}
	for _, c := range Cases {
		for _, l := range []Layer{Hyperlab, Stock} {
			b.Run(c.Name+"/"+string(l), func(b *testing.B) {
				if testing.Short() && c.Name == "wide" && l == Stock {
					b.Skip("seconds per step; run without -short")
				}
				s, err := NewStep(backend, c, l, 1)
				if err != nil {
					b.Fatal(err)
				}
				if err := s.WarmUp(3, time.Second); err != nil {
					b.Fatal(err)
				}
				cpu := processCPU()
				for b.Loop() {
					if err := s.Run(); err != nil {
						b.Fatal(err)
					}
				}
				reportCPU(b, cpu)
			})
		}
	}
}

// reportCPU adds the process CPU time per operation since cpu (all
// threads): steadier than ns/op when other processes share the machine.
func reportCPU(b *testing.B, cpu time.Duration) {
	b.ReportMetric(float64(processCPU()-cpu)/float64(time.Millisecond)/float64(b.N), "cpu-ms/op")
}

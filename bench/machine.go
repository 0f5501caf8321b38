package main

import (
	"bufio"
	"os"
	"runtime"
	"runtime/debug"
	"strings"
)

// Machine describes where a benchmark ran.
type Machine struct {
	CPUs       int
	CPUModel   string
	GoVersion  string
	GoMLX      string
	GOMAXPROCS int
}

// ThisMachine reads the CPU model from /proc/cpuinfo ("unknown" elsewhere).
func ThisMachine() Machine {
	m := Machine{
		CPUs:       runtime.NumCPU(),
		CPUModel:   "unknown",
		GoVersion:  runtime.Version(),
		GoMLX:      "unknown",
		GOMAXPROCS: runtime.GOMAXPROCS(0),
	}
	if f, err := os.Open("/proc/cpuinfo"); err == nil {
		defer f.Close()
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			if k, v, ok := strings.Cut(sc.Text(), ":"); ok && strings.TrimSpace(k) == "model name" {
				m.CPUModel = strings.TrimSpace(v)
				break
			}
		}
	}
	if bi, ok := debug.ReadBuildInfo(); ok {
		for _, d := range bi.Deps {
			if d.Path == "github.com/gomlx/gomlx" {
				m.GoMLX = d.Version
			}
		}
	}
	return m
}

package main

import (
	"bytes"
	"math"
	"strings"
	"testing"
	"time"

	"github.com/hyperlab-go/hyperlab/internal/testutil"
)

func fixedReport() *Report {
	nan := Timing{Wall: math.NaN(), CPU: math.NaN()}
	return &Report{
		Machine:      Machine{CPUs: 2, CPUModel: "Test CPU | with a pipe", GoVersion: "go1.26.8", GoMLX: "v0.26.0", GOMAXPROCS: 2},
		Date:         time.Date(2026, 11, 29, 4, 30, 0, 0, time.UTC),
		Command:      "go run ./bench -cases mnist,toy",
		TorchVersion: "1.13.0a0",
		TorchThreads: 2,
		LoadBefore:   "0.10",
		LoadAfter:    "1.90",
		Steps: []StepRow{
			{Case: Cases[0], Hyperlab: Timing{Wall: 15.8, CPU: 30.1}, Stock: Timing{Wall: 130.9, CPU: 250}, Torch: Timing{Wall: 16.6, CPU: 33},
				HyperlabTuned: Timing{Wall: 12, CPU: 28}, TunedConfig: "go:ops_sequential,dotgeneral_large"},
			{Case: Cases[1], Hyperlab: Timing{Wall: 0.381, CPU: 0.4}, Stock: nan, Torch: Timing{Wall: 0.256, CPU: 0.5}, HyperlabTuned: nan, TunedConfig: "go:ops_sequential"},
		},
		Sections: []Section{{Title: "Extra", Header: []string{"a", "b"}, Rows: [][]string{{"1", "2"}}, Note: "A note."}},
	}
}

func TestReportMarkdownGolden(t *testing.T) {
	var buf bytes.Buffer
	fixedReport().WriteMarkdown(&buf)
	testutil.Golden(t, "report", buf.Bytes())
}

func TestReportRatiosAndMissingValues(t *testing.T) {
	s := fixedReport().StepSection()
	mnist, toy := strings.Join(s.Rows[0], "|"), strings.Join(s.Rows[1], "|")
	for _, want := range []string{"15.8", "130.9", "0.95×", "7.89×", "8.28×"} {
		if !strings.Contains(mnist, want) {
			t.Errorf("mnist row %q lacks %q", mnist, want)
		}
	}
	if !strings.Contains(toy, "–") || !strings.Contains(toy, "1.49×") {
		t.Errorf("toy row %q: want – for the missing GoMLX time and 1.49× for hyperlab/PyTorch", toy)
	}
}

package notebooks

import (
	"os"
	"strings"
	"testing"
)

// TestNormalizeStripsTimestamps: the execution timestamps go, everything
// else stays byte for byte in nbformat's layout.
func TestNormalizeStripsTimestamps(t *testing.T) {
	const executed = `{
 "cells": [
  {
   "cell_type": "code",
   "execution_count": 1,
   "metadata": {
    "execution": {
     "iopub.execute_input": "2026-11-29T05:20:19.000000Z",
     "shell.execute_reply": "2026-11-29T05:20:21.000000Z"
    },
    "tags": []
   },
   "outputs": [
    {
     "data": {
      "text/html": "<div class=\"hyperlab-chart\">ü & <b>x</b></div>",
      "text/plain": "Chart: ü"
     },
     "metadata": {},
     "output_type": "display_data"
    }
   ],
   "source": [
    "%% --epochs=3 --learning_rate=0.10"
   ]
  }
 ],
 "metadata": {
  "language_info": {
   "version": "go1.26.8"
  }
 },
 "nbformat": 4,
 "nbformat_minor": 5
}
`
	want := strings.Replace(executed, `    "execution": {
     "iopub.execute_input": "2026-11-29T05:20:19.000000Z",
     "shell.execute_reply": "2026-11-29T05:20:21.000000Z"
    },
`, "", 1)
	path := t.TempDir() + "/nb.ipynb"
	if err := os.WriteFile(path, []byte(executed), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := Normalize(path); err != nil {
		t.Fatal(err)
	}
	got, _ := os.ReadFile(path)
	if string(got) != want {
		t.Errorf("Normalize wrote\n%s\nwant\n%s", got, want)
	}
}

func TestNormalizeDropsEmptyOutputs(t *testing.T) {
	in := `{"cells":[{"cell_type":"code","metadata":{},"source":[],"outputs":[` +
		`{"output_type":"display_data","data":{"text/html":[""]},"metadata":{}},` +
		`{"output_type":"display_data","data":{"text/html":["<p>x</p>"]},"metadata":{}}]}]}`
	out, err := normalized([]byte(in))
	if err != nil {
		t.Fatal(err)
	}
	if strings.Count(string(out), `"output_type"`) != 1 || !strings.Contains(string(out), "<p>x</p>") {
		t.Errorf("the empty output was not dropped, or the other was:\n%s", out)
	}
}

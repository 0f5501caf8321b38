package main

import (
	"context"
	"fmt"
	"math"
	"text/tabwriter"

	"github.com/hyperlab-go/hyperlab/history"
	"github.com/hyperlab-go/hyperlab/lab"
	"github.com/hyperlab-go/hyperlab/plotting"
	"github.com/hyperlab-go/hyperlab/training"
)

func runLRFind(ctx context.Context, c *cli, args []string, e *env) int {
	var o training.LRFindOptions
	c.floatVar(&o.StartLR, "start", 1e-7, "learning rate of the first step")
	c.floatVar(&o.EndLR, "end", 10, "learning rate of the last step")
	c.intVar(&o.Steps, "steps", 100, "steps of the test at most")
	c.dataFlags("moons")
	c.pageFlags("chart", "", "write an HTML chart of loss against learning rate to this file")
	c.hyperFlags()
	if code, stop := c.parseArgs(args, e); stop {
		return code
	}
	if !(o.StartLR > 0) || !(o.EndLR > o.StartLR) || math.IsInf(o.EndLR, 0) || o.Steps < 2 {
		return fail(e, c.name, usagef("--start=%g, --end=%g, --steps=%d: the rate must grow from a positive start to a finite end over at least 2 steps", o.StartLR, o.EndLR, o.Steps))
	}
	r, err := c.oneRun()
	if err != nil {
		return fail(e, c.name, err)
	}
	v, data, source := r.values, r.data, r.source
	fmt.Fprintf(e.stdout, "Learning-rate range test on %s, %s optimizer, batch_size %d: %g to %g over at most %d steps\n",
		c.dataset, v.String(training.ParamOptimizer), v.Int(training.ParamBatchSize), o.StartLR, o.EndLR, o.Steps)
	res, err := training.FindLR(ctx, v, data, o)
	if err != nil {
		return fail(e, c.name, err)
	}
	tw := tabwriter.NewWriter(e.stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "step\tlearning_rate\tloss\tsmoothed")
	every := max(1, len(res.Points)/20)
	for i, p := range res.Points {
		if i%every == 0 || i == len(res.Points)-1 {
			fmt.Fprintf(tw, "%d\t%.3g\t%s\t%s\n", p.Step, p.LearningRate, history.Format(p.Loss), history.Format(p.Smoothed))
		}
	}
	tw.Flush()
	fmt.Fprintf(e.stdout, "Stopped: %s.\n", res.Stopped)
	fmt.Fprintf(e.stdout, "Suggested learning_rate: %.3g (%s).\n", res.Suggested, res.Rule)
	fmt.Fprintf(e.stdout, "fastai's four rules: valley %.3g, slide %.3g, steep %.3g, minimum %.3g (a tenth of the lowest loss's rate).\n", res.Valley, res.Slide, res.Steepest, res.Minimum)
	if c.out != "" {
		page := &plotting.Page{Title: "hyperlab lr-find", Source: source}
		page.Text(lab.LRSummary(res))
		page.Chart(lab.LRRangeChart(res))
		path, err := writePage(page, c.out)
		if err != nil {
			return fail(e, c.name, err)
		}
		fmt.Fprintf(e.stdout, "Chart: %s\n", path)
	}
	return exitOK
}

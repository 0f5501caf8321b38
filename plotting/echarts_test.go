package plotting

import (
	"math"
	"reflect"
	"strings"
	"testing"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"
)

// A go-echarts chart of a type this package does not draw renders and
// escapes like the others.
func TestFromECharts(t *testing.T) {
	b := charts.NewBar()
	b.SetGlobalOptions(charts.WithTitleOpts(opts.Title{Title: "</script>"}))
	b.SetXAxis([]string{"a", "b"}).AddSeries("<b>", []opts.BarData{{Value: 1}, {Value: 2}})
	c := FromECharts(b)
	if got, want := c.Series(), []Series{{"<b>", "bar", 2}}; !reflect.DeepEqual(got, want) {
		t.Errorf("Series = %v, want %v", got, want)
	}
	if c.Title() != "</script>" {
		t.Errorf("Title = %q", c.Title())
	}
	j, err := c.OptionJSON()
	if err != nil || strings.Contains(string(j), "<") {
		t.Errorf("OptionJSON = %s, %v; want no raw <", j, err)
	}
	if got := at(c.Option, "xAxis", 0, "data"); !reflect.DeepEqual(got, []any{"a", "b"}) {
		t.Errorf("x axis data = %v (Validate not called?)", got)
	}
}

// An option that JSON cannot hold is an error when the chart renders.
func TestFromEChartsError(t *testing.T) {
	l := charts.NewLine()
	l.AddSeries("nan", []opts.LineData{{Value: math.NaN()}})
	c := FromECharts(l)
	c.ID = "x"
	if _, err := c.Fragment(); err == nil || !strings.HasPrefix(err.Error(), "plotting: ") {
		t.Errorf("Fragment error = %v, want a plotting error", err)
	}
}

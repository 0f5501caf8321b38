// Package plotting draws hyperlab's charts with ECharts from plain Go data:
// loss per epoch, per-step loss, comparisons of runs, learning-rate
// schedules, sweep views and decision boundaries.
//
// Every chart is made in two steps, as in Optuna's visualization module:
// collect the plain data to draw (a ...Data value, comparable with ==
// or reflect.DeepEqual in tests) and draw it into a *Chart, whose ECharts
// option is plain JSON. No data is not an error: the chart is empty and says
// so in its middle.
//
// The options are built with go-echarts' typed API (charts.NewLine,
// NewScatter, NewHeatMap, NewParallel and the opts structs); FromECharts
// turns any go-echarts chart into a Chart. The few ECharts options that
// go-echarts v2.6.7 cannot express are merged afterwards, each with its
// reason (extend.go). go-echarts' own rendering is not used: it expects a
// global echarts, which RequireJS pages lack, and it does not escape JSON
// for a script element.
//
// A Chart renders to an HTML fragment for notebooks (a div and a script that
// loads ECharts itself; see Chart.Fragment) or into a standalone Page with
// other charts and tables. The fragment works with RequireJS on the page
// (classic Notebook, nbconvert's HTML export), without it (JupyterLab), and
// when a cell runs again on the same page. Where ECharts comes from is a
// Source: the pinned CDN copy by default, another URL, or the library inlined
// for a file that works offline.
//
// Trust model, as in html/template: the code of this package is trusted, the
// data is not. Titles, run labels, hyperparameter names and values reach the
// page only as JSON escaped for a script element (<, > and & as \u003c,
// \u003e, \u0026) or as escaped HTML text, and ECharts draws them on a canvas
// or escapes them in its tooltips.
//
// In GoNB, Display shows a chart under the cell and Live updates one while a
// model trains; outside a notebook both do nothing, or write a file when
// asked.
package plotting

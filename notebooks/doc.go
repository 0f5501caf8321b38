// Package notebooks holds the hyperlab tutorials (*.ipynb, GoNB kernel) and
// the test that executes them with real Jupyter. There are two editions,
// built by tools/mknb from one bilingual source each (tools/src/NAME.txt):
// English in NAME.ipynb and Chinese in zh/NAME.ipynb, whose first code cell
// sets HYPERLAB_LANG=zh so that lab draws and writes in Chinese.
//
// TestNotebooks runs every notebooks/*.ipynb and notebooks/zh/*.ipynb with
//
//	jupyter nbconvert --to notebook --execute --ExecutePreprocessor.kernel_name=gonb
//
// against the working tree (each notebook's first cell points a go.work at the
// module root), then checks the executed notebook with Check: a cell fails on
// a GoNB error, a non-zero exit, a panic or a goroutine dump; a cell tagged
// "raises-exception" must fail with one sentence and no Go stack trace. Leaks
// fails a notebook whose outputs show the clone's absolute path or $HOME
// (a committed notebook is shared); TestCommittedNotebooksLeakNoLocalPaths
// checks the committed notebooks the same way, without Jupyter.
//
// Normalize strips the execution timestamps from each executed notebook, so
// that re-executing one with nothing changed gives no diff; each must weigh
// at most MaxBytes with its chart images, and ChartBundles requires every
// chart output to carry its image/png and text/plain beside its HTML. The
// test exports each executed notebook to HTML, plain and sanitized
// (--HTMLExporter.sanitize_html=True), and opens them in Chromium: with
// scripts on every chart is drawn (checkCharts); with scripts off, both
// exports show one real image (decoded, not blank) per chart (checkImages).
// In the Chinese edition every chart must have a Chinese title (or one made
// of hyperparameter labels) drawn without tofu boxes; -notebook=zh/ runs the
// Chinese edition only.
//
// Without Jupyter or the GoNB kernel the test skips and names
// scripts/setup-notebooks.sh; with CI=true a skip is a failure.
//
//	go test ./notebooks -update
//
// (or `make notebooks`) writes the executed notebooks back in place, so they
// are committed with their outputs, and their HTML exports to notebooks/html/
// (notebooks/html/zh/ for the Chinese edition).
package notebooks

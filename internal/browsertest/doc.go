// Package browsertest loads HTML pages with charts in Debian's Chromium,
// headless, driven by chromedp, and checks the charts through ECharts' own
// API (echarts.getInstanceByDom(div).getOption()).
//
// Pages are served by a local httptest server on 127.0.0.1. Requests to any
// other host never reach the network: a request for echarts(.min).js or
// require(.min).js is answered with the pinned local copy that
// scripts/install-browser.sh installs with npm, and every other one fails
// and is listed in Page.Blocked. So a page that loads ECharts or RequireJS
// from a CDN, as a notebook's nbconvert export does, works offline.
//
// Start skips the test, naming scripts/install-browser.sh, when Chromium or
// the npm copies are missing, except when the environment has CI=true: then
// it fails.
package browsertest

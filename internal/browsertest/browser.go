package browsertest

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/fetch"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/hyperlab-go/hyperlab/internal/testutil"
)

// The paths where the local server serves the pinned script copies, for
// pages rendered by tests (plotting.ScriptURL(browsertest.EChartsPath)).
const (
	EChartsPath   = "/_hyperlab/echarts.min.js"
	RequireJSPath = "/_hyperlab/require.js"
)

// Timeout bounds the wait for a page's charts: 30 s, or
// $HYPERLAB_BROWSER_TIMEOUT (a Go duration such as 90s) on a loaded machine.
var Timeout = timeoutFromEnv(30 * time.Second)

func timeoutFromEnv(def time.Duration) time.Duration {
	if d, err := time.ParseDuration(os.Getenv("HYPERLAB_BROWSER_TIMEOUT")); err == nil && d > 0 {
		return d
	}
	return def
}

// Browser is a headless Chromium for one test.
type Browser struct {
	Env       Env
	artifacts string
	ctx       context.Context
	tab       *Tab // the notebook tab OpenNotebook opened last
	opts      Options
}

// Options change how the browser runs.
type Options struct {
	// NoScripts starts Chromium with JavaScript disabled
	// (--blink-settings=scriptEnabled=false), as a host that strips scripts.
	NoScripts bool
	// Offline answers every request to another host than 127.0.0.1 with a
	// failure, ECharts' CDN included, as a machine without network.
	Offline bool
}

// Start starts Chromium for t and stops it when t ends. It skips t when the
// browser or the npm copies are missing (fails with CI=true).
func Start(t testing.TB) *Browser { return StartWith(t, Options{}) }

// StartWith is Start with options.
func StartWith(t testing.TB, o Options) *Browser {
	t.Helper()
	env, err := Locate()
	if err != nil {
		testutil.Require(t, err.Error(), "")
	}
	art, err := ArtifactDir(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(env.Chromium),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("no-first-run", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1100, 900),
	)
	if o.NoScripts {
		opts = append(opts, chromedp.Flag("blink-settings", "scriptEnabled=false"))
	}
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancel := chromedp.NewContext(actx)
	if err := chromedp.Do(ctx); err != nil { // start the browser now
		cancel()
		cancelAlloc()
		t.Fatalf("browsertest: starting %s: %v", env.Chromium, err)
	}
	t.Cleanup(func() { cancel(); cancelAlloc() })
	return &Browser{Env: env, artifacts: art, ctx: ctx, opts: o}
}

// Page is what a loaded page showed.
type Page struct {
	URL        string
	Charts     []Chart
	Dialogs    []string // messages of alert/confirm/prompt dialogs, which were dismissed
	Blocked    []string // non-local URLs the page asked for and did not get
	Screenshot string   // path of the PNG screenshot
}

// Open serves the HTML file at file (or loads it, if file is an http URL),
// waits until every div of class hyperlab-chart holds an ECharts instance
// or Timeout passes, lists the charts and saves a PNG screenshot. Run
// Eval on the returned tab for further checks before the next Open.
func (b *Browser) Open(t testing.TB, file string) *Page {
	t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, Timeout+30*time.Second)
	defer cancel()
	var mu sync.Mutex
	p := b.navigate(ctx, t, file, &mu)
	_, err := chromedp.Run(ctx, chromedp.Poll[bool](readyJS, chromedp.WithPollingTimeout(Timeout),
		chromedp.WithPollingInterval(100*time.Millisecond)))
	if err != nil {
		t.Errorf("browsertest: %s: not every chart was drawn within %v: %v", file, Timeout, err)
	}
	p.Charts = b.charts(t, ctx)
	png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	if err != nil {
		t.Errorf("browsertest: screenshot of %s: %v", file, err)
	} else {
		name := strings.TrimSuffix(filepath.Base(file), filepath.Ext(file))
		p.Screenshot = filepath.Join(b.artifacts, sanitize(t.Name())+"-"+sanitize(name)+".png")
		if err := os.WriteFile(p.Screenshot, png, 0o644); err != nil {
			t.Errorf("browsertest: saving the screenshot: %v", err)
		}
	}
	_, _ = chromedp.Call(b.ctx, fetch.Disable, cdp.Empty{})
	mu.Lock()
	defer mu.Unlock()
	out := *p
	out.Blocked = slices.Clone(p.Blocked)
	out.Dialogs = slices.Clone(p.Dialogs)
	return &out
}

// navigate loads file in ctx (served from its folder, unless it is an http
// URL) and returns the page whose dialogs and blocked requests are recorded,
// under mu, while ctx lasts.
func (b *Browser) navigate(ctx context.Context, t testing.TB, file string, mu *sync.Mutex) *Page {
	t.Helper()
	target := file
	if !strings.HasPrefix(file, "http://") && !strings.HasPrefix(file, "https://") {
		srv := b.serve(t, filepath.Dir(file))
		target = srv.URL + "/" + url.PathEscape(filepath.Base(file))
	}
	p := &Page{URL: target}
	b.intercept(ctx, mu, p)
	if err := chromedp.Do(ctx, chromedp.Navigate(target)); err != nil {
		t.Fatalf("browsertest: loading %s: %v", target, err)
	}
	return p
}

// Eval evaluates a JavaScript expression in the current page and decodes
// its JSON value into a T.
func Eval[T any](t testing.TB, b *Browser, expr string) T {
	t.Helper()
	return evalIn[T](t, b.ctx, expr)
}

// evalIn evaluates expr in the tab of ctx, awaiting a promise, into a T.
func evalIn[T any](t testing.TB, ctx context.Context, expr string) T {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](expr, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("browsertest: evaluating %s: %v", expr, err)
	}
	return v
}

// fileScripts matches file:// URLs of RequireJS, which Debian's nbconvert
// writes into its exports (file:///usr/share/javascript/requirejs/require.min.js)
// and which a page served over http may not load.
var fileScripts = regexp.MustCompile(`file://[^"'\s]*/require(\.min)?\.js`)

// serve starts a local server for dir, with the pinned scripts at
// EChartsPath and RequireJSPath.
func (b *Browser) serve(t testing.TB, dir string) *httptest.Server {
	mux := http.NewServeMux()
	mux.HandleFunc(EChartsPath, func(w http.ResponseWriter, r *http.Request) { http.ServeFile(w, r, b.Env.ECharts) })
	mux.HandleFunc(RequireJSPath, func(w http.ResponseWriter, r *http.Request) { http.ServeFile(w, r, b.Env.RequireJS) })
	files := http.FileServer(http.Dir(dir))
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		if !strings.HasSuffix(r.URL.Path, ".html") {
			files.ServeHTTP(w, r)
			return
		}
		page, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(path.Clean(r.URL.Path))))
		if err != nil {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		_, _ = w.Write(fileScripts.ReplaceAll(page, []byte(RequireJSPath)))
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv
}

// intercept answers requests to other hosts than 127.0.0.1: local copies
// for ECharts and RequireJS, a failure for anything else. Dialogs are
// recorded and dismissed.
func (b *Browser) intercept(ctx context.Context, mu *sync.Mutex, p *Page) {
	paused := chromedp.Events(ctx, fetch.RequestPaused)
	dialogs := chromedp.Events(ctx, page.JavascriptDialogOpening)
	go func() {
		for ev, err := range paused {
			if err != nil {
				return
			}
			u, _ := url.Parse(ev.Request.URL)
			if u != nil && (u.Hostname() == "127.0.0.1" || u.Scheme == "data") {
				_, _ = chromedp.Call(ctx, fetch.ContinueRequest, fetch.ContinueRequestParams{RequestID: ev.RequestID})
				continue
			}
			local := ""
			if u != nil && !b.opts.Offline {
				switch base := path.Base(u.Path); {
				case strings.HasPrefix(base, "echarts") && strings.HasSuffix(base, ".js"):
					local = b.Env.ECharts
				case base == "require.js" || base == "require.min.js":
					local = b.Env.RequireJS
				}
			}
			body, err := os.ReadFile(local)
			if local == "" || err != nil {
				mu.Lock()
				p.Blocked = append(p.Blocked, ev.Request.URL)
				mu.Unlock()
				_, _ = chromedp.Call(ctx, fetch.FailRequest, fetch.FailRequestParams{RequestID: ev.RequestID,
					ErrorReason: network.ErrorReasonBlockedByClient})
				continue
			}
			_, _ = chromedp.Call(ctx, fetch.FulfillRequest, fetch.FulfillRequestParams{RequestID: ev.RequestID,
				ResponseCode: 200, Body: body, ResponseHeaders: []*fetch.HeaderEntry{
					{Name: "Content-Type", Value: "application/javascript"},
					{Name: "Access-Control-Allow-Origin", Value: "*"}}})
		}
	}()
	go func() {
		for ev, err := range dialogs {
			if err != nil {
				return
			}
			mu.Lock()
			p.Dialogs = append(p.Dialogs, ev.Message)
			mu.Unlock()
			_, _ = chromedp.Call(ctx, page.HandleJavaScriptDialog, page.HandleJavaScriptDialogParams{Accept: false})
		}
	}()
	_, _ = chromedp.Call(ctx, fetch.Enable, fetch.EnableParams{})
}

func sanitize(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' || r == '_' {
			return r
		}
		return '_'
	}, s)
}

func (p *Page) String() string {
	return fmt.Sprintf("%s: %d charts", p.URL, len(p.Charts))
}

package browsertest

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/fetch"
	"github.com/chromedp/chromedp"
)

// Jupyter is a classic Jupyter Notebook server on 127.0.0.1, the user
// interface people work in, started for one test.
type Jupyter struct {
	URL string // http://127.0.0.1:<port>
	Dir string // the folder it serves
	Log string // its log file
}

// StartJupyter starts `jupyter notebook` (no token, no browser) on a free
// port of 127.0.0.1, serving dir, with the environment env (nil: this
// process's), waits until it answers and stops it, with its kernels, when t
// ends.
func StartJupyter(t testing.TB, dir string, env []string) *Jupyter {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	port := l.Addr().(*net.TCPAddr).Port
	l.Close()
	j := &Jupyter{URL: fmt.Sprintf("http://127.0.0.1:%d", port), Dir: dir, Log: filepath.Join(t.TempDir(), "jupyter.log")}
	logf, err := os.Create(j.Log)
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("jupyter", "notebook", "--no-browser", "--ip=127.0.0.1", fmt.Sprintf("--port=%d", port),
		"--NotebookApp.token=", "--NotebookApp.password=", "--NotebookApp.open_browser=False",
		"--NotebookApp.notebook_dir="+dir)
	if os.Geteuid() == 0 { // containers and CI machines often run as root
		cmd.Args = append(cmd.Args, "--allow-root")
	}
	cmd.Dir, cmd.Env, cmd.Stdout, cmd.Stderr = dir, env, logf, logf
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true} // its kernels end with it
	if err := cmd.Start(); err != nil {
		logf.Close()
		t.Fatalf("browsertest: starting jupyter notebook: %v", err)
	}
	t.Cleanup(func() {
		_ = syscall.Kill(-cmd.Process.Pid, syscall.SIGTERM)
		done := make(chan struct{})
		go func() { _ = cmd.Wait(); close(done) }()
		select {
		case <-done:
		case <-time.After(10 * time.Second):
			_ = syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
			<-done
		}
		logf.Close()
	})
	deadline := time.Now().Add(60 * time.Second)
	for {
		resp, err := http.Get(j.URL + "/api/status")
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return j
			}
		}
		if time.Now().After(deadline) {
			log, _ := os.ReadFile(j.Log)
			t.Fatalf("browsertest: jupyter notebook did not answer on %s within 60 s: %v\n%s", j.URL, err, log)
		}
		time.Sleep(200 * time.Millisecond)
	}
}

// Tab is a notebook open in the browser, with requests to other hosts
// answered as Open answers them (local ECharts and RequireJS, the rest
// blocked) for as long as the tab is open.
type Tab struct {
	b      *Browser
	ctx    context.Context
	cancel context.CancelFunc
	page   *Page
	mu     sync.Mutex
}

// notebookReady is true once the classic Notebook has loaded the notebook
// and its kernel is connected.
const notebookReady = `!!(window.Jupyter && Jupyter.notebook && Jupyter.notebook._fully_loaded &&
  Jupyter.notebook.kernel && Jupyter.notebook.kernel.is_connected())`

// OpenNotebook opens the notebook at path name (relative to the server's
// folder) and waits until its kernel is connected. The tab closes (its
// interception ends) when t ends or the next OpenNotebook starts.
func (b *Browser) OpenNotebook(t testing.TB, j *Jupyter, name string) *Tab {
	t.Helper()
	if b.tab != nil {
		b.tab.Close()
	}
	ctx, cancel := context.WithCancel(b.ctx)
	tab := &Tab{b: b, ctx: ctx, cancel: cancel, page: &Page{URL: j.URL + "/notebooks/" + url.PathEscape(name)}}
	b.tab = tab
	t.Cleanup(tab.Close)
	b.intercept(ctx, &tab.mu, tab.page)
	if err := chromedp.Do(ctx, chromedp.Navigate(tab.page.URL)); err != nil {
		t.Fatalf("browsertest: opening %s: %v", tab.page.URL, err)
	}
	tab.Wait(t, notebookReady, 90*time.Second)
	return tab
}

// Close stops answering the tab's requests.
func (tab *Tab) Close() {
	tab.cancel()
	_, _ = chromedp.Call(tab.b.ctx, fetch.Disable, cdp.Empty{})
}

// Blocked lists the requests to other hosts the tab did not get.
func (tab *Tab) Blocked() []string {
	tab.mu.Lock()
	defer tab.mu.Unlock()
	return append([]string(nil), tab.page.Blocked...)
}

// Wait polls the JavaScript expression expr every 20 ms until it is true
// and returns how long that took; after timeout it fails t.
func (tab *Tab) Wait(t testing.TB, expr string, timeout time.Duration) time.Duration {
	t.Helper()
	start := time.Now()
	_, err := chromedp.Run(tab.ctx, chromedp.Poll[bool](expr, chromedp.WithPollingTimeout(timeout),
		chromedp.WithPollingInterval(20*time.Millisecond)))
	if err != nil {
		t.Fatalf("browsertest: %s was not true within %v: %v", expr, timeout, err)
	}
	return time.Since(start)
}

// EvalIn evaluates expr in the tab (awaiting a promise) into a T.
func EvalIn[T any](t testing.TB, tab *Tab, expr string) T {
	t.Helper()
	return evalIn[T](t, tab.ctx, expr)
}

// Screenshot saves a PNG of the tab under the artifact folder and returns
// its path.
func (tab *Tab) Screenshot(t testing.TB, name string) string {
	t.Helper()
	png, err := chromedp.Run(tab.ctx, chromedp.FullScreenshot(90))
	if err != nil {
		t.Errorf("browsertest: screenshot: %v", err)
		return ""
	}
	p := filepath.Join(tab.b.artifacts, sanitize(t.Name())+"-"+sanitize(name)+".png")
	if err := os.WriteFile(p, png, 0o644); err != nil {
		t.Errorf("browsertest: saving the screenshot: %v", err)
	}
	return p
}

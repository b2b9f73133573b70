// Package browsertest opens pages in headless Chromium for tests: the HTML
// report and the join card are checked as a person's browser and printer
// see them, not only as text. It drives Debian's chromium with chromedp, and
// skips a test, saying why, on a machine without Chromium.
package browsertest

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"os/exec"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
)

// deadline bounds each step in the browser: starting it, loading a page,
// taking a picture of it, printing it.
const deadline = 60 * time.Second

// Browser is a headless Chromium that lives as long as one test.
type Browser struct {
	ctx context.Context
}

// Start starts headless Chromium for the test, with a fresh profile, or
// skips the test if the machine has no Chromium.
func Start(t *testing.T) *Browser {
	t.Helper()
	path := ""
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			path = p
			break
		}
	}
	if path == "" {
		t.Skip("Chromium is not installed here (Debian: apt-get install chromium; .ci/run installs it), so this page is not checked in a browser")
	}
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(),
		chromedp.ExecPath(path),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		// The machine's network is closed: without these Chromium keeps
		// trying to reach its own services in the background.
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1024, 768),
	)
	ctx, cancel := chromedp.NewContext(allocCtx)
	t.Cleanup(func() { cancel(); cancelAlloc() })
	// The first Run starts the browser and binds it to its context, so it
	// has no deadline of its own (see chromedp.NewContext): the wait does.
	started := make(chan error, 1)
	go func() { started <- chromedp.Do(ctx) }()
	select {
	case err := <-started:
		if err != nil {
			t.Fatalf("start Chromium (%s): %v", path, err)
		}
	case <-time.After(deadline):
		t.Fatalf("Chromium (%s) did not start within %v", path, deadline)
	}
	return &Browser{ctx: ctx}
}

// Page is one page open in its own tab, served from 127.0.0.1.
type Page struct {
	t   *testing.T
	ctx context.Context
	// URL is where the page was served.
	URL string

	mu       sync.Mutex
	requests []string // every URL the tab asked for, the page's own included
	served   []string // every path the test's server was asked for
}

// Open serves html from a server on 127.0.0.1 and loads it in a new tab
// whose window is width by height CSS pixels.
func (b *Browser) Open(t *testing.T, html []byte, width, height int64) *Page {
	t.Helper()
	p := &Page{t: t}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p.mu.Lock()
		p.served = append(p.served, r.URL.Path)
		p.mu.Unlock()
		if r.URL.Path != "/page.html" {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write(html)
	}))
	t.Cleanup(srv.Close)
	p.URL = srv.URL + "/page.html"

	ctx, cancel := chromedp.NewContext(b.ctx, chromedp.WithListener(func(ev any) {
		if e, ok := ev.(*network.EventRequestWillBeSent); ok && e.Request != nil {
			p.mu.Lock()
			p.requests = append(p.requests, e.Request.URL)
			p.mu.Unlock()
		}
	}))
	t.Cleanup(cancel)
	p.ctx = ctx
	// As with the browser, the tab's first Run binds the tab to its
	// context: it turns on network events, and nothing else.
	enabled := make(chan error, 1)
	go func() {
		enabled <- chromedp.Do(ctx, chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
			_, err := cdp.Call(ctx, t, network.Enable, network.EnableParams{})
			return err
		}))
	}()
	select {
	case err := <-enabled:
		if err != nil {
			t.Fatalf("open a tab: %v", err)
		}
	case <-time.After(deadline):
		t.Fatalf("Chromium did not open a tab within %v", deadline)
	}
	p.do("load the page", chromedp.EmulateViewport(width, height), chromedp.Navigate(p.URL))
	return p
}

// do runs steps in the tab within the deadline, failing the test with what
// it was doing if they fail.
func (p *Page) do(what string, steps ...chromedp.Action[chromedp.Void]) {
	p.t.Helper()
	ctx, cancel := context.WithTimeout(p.ctx, deadline)
	defer cancel()
	if err := chromedp.Do(ctx, steps...); err != nil {
		p.t.Fatalf("%s in Chromium: %v", what, err)
	}
}

// run runs one action in the tab within the deadline and returns its value.
func run[T any](p *Page, what string, a chromedp.Action[T]) T {
	p.t.Helper()
	ctx, cancel := context.WithTimeout(p.ctx, deadline)
	defer cancel()
	v, err := chromedp.Run(ctx, a)
	if err != nil {
		p.t.Fatalf("%s in Chromium: %v", what, err)
	}
	return v
}

// Eval evaluates a JavaScript expression in the page and decodes its value
// (as JSON) into out.
func (p *Page) Eval(expression string, out any) {
	p.t.Helper()
	raw := run(p, "evaluate "+expression, chromedp.Evaluate[[]byte](expression))
	if err := json.Unmarshal(raw, out); err != nil {
		p.t.Fatalf("decode the value of %s: %v", expression, err)
	}
}

// Resize changes the window to width by height CSS pixels.
func (p *Page) Resize(width, height int64) {
	p.t.Helper()
	p.do("resize the window", chromedp.EmulateViewport(width, height))
}

// Screenshot is a PNG of the whole page at its current width.
func (p *Page) Screenshot() []byte {
	p.t.Helper()
	return run(p, "take a screenshot", chromedp.FullScreenshot(100))
}

// View is a PNG of what the window shows, from the top of the page.
func (p *Page) View() []byte {
	p.t.Helper()
	return run(p, "take a screenshot", chromedp.CaptureScreenshot())
}

// PDF prints the page on A4 as the browser's print dialogue would, with
// backgrounds, the page's own print styles and @page margins.
func (p *Page) PDF() []byte {
	p.t.Helper()
	return run(p, "print to PDF", chromedp.PrintToPDF(
		chromedp.PDFPaper(chromedp.PaperA4), chromedp.PDFPrintBackground(), chromedp.PDFPreferCSSPageSize()))
}

// Fetched lists every request the page made beyond loading itself: URLs
// the tab asked for, and paths the server was asked for. A page that is
// whole fetches nothing.
func (p *Page) Fetched() []string {
	p.mu.Lock()
	defer p.mu.Unlock()
	var out []string
	for _, u := range p.requests {
		if u != p.URL {
			out = append(out, u)
		}
	}
	for _, path := range p.served {
		if path != "/page.html" {
			out = append(out, "served "+path)
		}
	}
	return out
}

// ErrNoPDFText is returned by PDFPages when pdftotext is not installed.
var ErrNoPDFText = errors.New("pdftotext (Debian: poppler-utils) is not installed; .ci/run installs it")

// PDFPages is the text of each page of a PDF, as pdftotext reads it.
func PDFPages(pdf []byte) ([]string, error) {
	path, err := exec.LookPath("pdftotext")
	if err != nil {
		return nil, ErrNoPDFText
	}
	ctx, cancel := context.WithTimeout(context.Background(), deadline)
	defer cancel()
	cmd := exec.CommandContext(ctx, path, "-enc", "UTF-8", "-", "-")
	cmd.Stdin = strings.NewReader(string(pdf))
	out, err := cmd.Output()
	if err != nil {
		return nil, err
	}
	// pdftotext ends every page with a form feed.
	pages := strings.Split(string(out), "\f")
	return pages[:len(pages)-1], nil
}

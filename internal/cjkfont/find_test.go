package cjkfont

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hyperlab-go/hyperlab/internal/testutil"
)

func TestFindPrefersTheBestKnownFile(t *testing.T) {
	a, b := t.TempDir(), t.TempDir()
	for _, f := range []string{filepath.Join(a, "x", "WQY-ZenHei.ttc"), filepath.Join(b, "wqy-microhei.ttc"), filepath.Join(b, "DejaVuSans.ttf")} {
		os.MkdirAll(filepath.Dir(f), 0o755)
		testutil.WriteFile(t, f, "font")
	}
	got, err := find([]string{a, b, filepath.Join(a, "missing")})
	if err != nil || got != filepath.Join(b, "wqy-microhei.ttc") {
		t.Errorf("find = %q, %v; want the microhei file", got, err)
	}
}

func TestFindSaysHowToInstall(t *testing.T) {
	_, err := find([]string{t.TempDir()})
	if err == nil || !strings.Contains(err.Error(), "fonts-wqy-microhei") || !strings.Contains(err.Error(), EnvVar) {
		t.Errorf("err = %v", err)
	}
}

func TestEnvOverride(t *testing.T) {
	f := filepath.Join(t.TempDir(), "mine.ttf")
	testutil.WriteFile(t, f, "font")
	t.Setenv(EnvVar, f)
	if got, err := Find(); err != nil || got != f {
		t.Errorf("Find = %q, %v", got, err)
	}
	t.Setenv(EnvVar, filepath.Dir(f))
	if _, err := Find(); err == nil || !strings.Contains(err.Error(), "not a font file") {
		t.Errorf("a folder in %s: err = %v", EnvVar, err)
	}
}

// Under CI=true the set-up has installed a CJK font, so one must be found.
func TestInstalled(t *testing.T) {
	p, err := Find()
	if err != nil {
		testutil.Require(t, err.Error(), "")
	}
	t.Logf("CJK font: %s", p)
}

package browsertest

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
)

// Env is where the browser and the local script copies are.
type Env struct {
	Chromium  string // the browser executable
	ECharts   string // echarts.min.js
	RequireJS string // require.js
}

// Locate finds Chromium on PATH and the npm copies under
// $HYPERLAB_CACHE/npm, or <repository root>/.cache/npm. The error says what
// is missing and how to install it.
func Locate() (Env, error) {
	var env Env
	var missing []error
	for _, name := range []string{"chromium", "chromium-browser"} {
		if p, err := exec.LookPath(name); err == nil {
			env.Chromium = p
			break
		}
	}
	if env.Chromium == "" {
		missing = append(missing, errors.New("chromium is not on PATH"))
	}
	npm, err := npmDir()
	if err != nil {
		missing = append(missing, err)
	} else {
		env.ECharts = filepath.Join(npm, "node_modules", "echarts", "dist", "echarts.min.js")
		env.RequireJS = filepath.Join(npm, "node_modules", "requirejs", "require.js")
		for _, f := range []string{env.ECharts, env.RequireJS} {
			if _, err := os.Stat(f); err != nil {
				missing = append(missing, fmt.Errorf("%s is missing", f))
			}
		}
	}
	if len(missing) > 0 {
		return env, fmt.Errorf("browsertest: %w; run scripts/install-browser.sh", errors.Join(missing...))
	}
	return env, nil
}

// npmDir returns $HYPERLAB_CACHE/npm, or .cache/npm in the repository root
// (the first directory up from the working directory holding go.mod).
func npmDir() (string, error) {
	if c := os.Getenv("HYPERLAB_CACHE"); c != "" {
		return filepath.Join(c, "npm"), nil
	}
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return filepath.Join(dir, ".cache", "npm"), nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("no go.mod above the working directory, so no .cache/npm")
		}
		dir = parent
	}
}

// ArtifactDir returns $HYPERLAB_ARTIFACTS (created if needed), or dir.
func ArtifactDir(dir string) (string, error) {
	if a := os.Getenv("HYPERLAB_ARTIFACTS"); a != "" {
		if err := os.MkdirAll(a, 0o755); err != nil {
			return "", fmt.Errorf("browsertest: creating HYPERLAB_ARTIFACTS: %w", err)
		}
		return a, nil
	}
	return dir, nil
}

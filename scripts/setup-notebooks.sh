#!/usr/bin/env bash
# setup-notebooks.sh installs what the hyperlab notebooks need on a Debian/Ubuntu
# machine that already has Go: Jupyter (from apt), the GoNB kernel, goimports and
# gopls. It is idempotent: when everything is in place it prints one line.
#
# Usage: bash scripts/setup-notebooks.sh
#
# Elsewhere (macOS, other Linux): `pip install notebook nbconvert`, then run this
# script with SKIP_APT=1 to install only the Go parts.
set -euo pipefail

cd "$(dirname "$0")/.."   # the module root: gonb is installed at the version go.mod pins

# Versions: GoNB comes from go.mod (v0.11.1); these two work with Go 1.26.
GOIMPORTS_VERSION=v0.40.0
GOPLS_VERSION=v0.21.1
APT_PACKAGES=(jupyter-nbconvert python3-nbclient jupyter-client jupyter-notebook)

say() { echo "setup-notebooks: $*"; }
die() { echo "setup-notebooks: $*" >&2; exit 1; }

command -v go >/dev/null || die "Go is not on PATH; install Go 1.26 first (https://go.dev/dl/)."
GOBIN_DIR="$(go env GOBIN)"
[[ -n "$GOBIN_DIR" ]] || GOBIN_DIR="$(go env GOPATH)/bin"
ORIG_PATH="$PATH"
export PATH="$GOBIN_DIR:$PATH"
changed=0

# 1. Jupyter from apt, only for the packages that are missing.
if [[ "${SKIP_APT:-}" != 1 ]]; then
	missing=()
	for p in "${APT_PACKAGES[@]}"; do
		dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
	done
	if ((${#missing[@]})); then
		command -v apt-get >/dev/null || die "apt-get not found; install Jupyter with 'pip install notebook nbconvert' and re-run with SKIP_APT=1."
		sudo=()
		[[ "$(id -u)" == 0 ]] || sudo=(sudo)
		say "installing ${missing[*]} (apt)"
		"${sudo[@]}" apt-get update -qq
		DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
		changed=1
	fi
fi
command -v jupyter >/dev/null || die "jupyter is not on PATH after installing; see README.md (Notebooks)."

# 2. Go tools. GoNB at the version go.mod pins, built in a throwaway module (the
# proxy does not answer `go install gonb@v0.11.1`, and building it inside this
# module would need its whole dependency tree in our go.sum).
gonb_version() { "$GOBIN_DIR/gonb" --version 2>/dev/null | grep -o 'v[0-9][0-9.]*' | head -1; }
want_gonb="$(go list -m -f '{{.Version}}' github.com/janpfeifer/gonb)"
if [[ ! -x "$GOBIN_DIR/gonb" || "$(gonb_version)" != "$want_gonb" ]]; then
	say "installing gonb $want_gonb"
	tmp="$(mktemp -d)"
	printf 'module gonbinstall\n\ngo 1.26\n\nrequire github.com/janpfeifer/gonb %s\n' "$want_gonb" >"$tmp/go.mod"
	(cd "$tmp" && GOFLAGS=-mod=mod go install github.com/janpfeifer/gonb 2>&1 | grep -v '^go: downloading' >&2 || true)
	rm -rf "$tmp"
	[[ "$(gonb_version)" == "$want_gonb" ]] || die "installing gonb $want_gonb failed (see above)."
	changed=1
fi
if [[ ! -x "$GOBIN_DIR/goimports" ]]; then
	say "installing goimports $GOIMPORTS_VERSION"
	(cd / && go install "golang.org/x/tools/cmd/goimports@$GOIMPORTS_VERSION" 2>&1 | grep -v '^go: downloading' >&2 || true)
	[[ -x "$GOBIN_DIR/goimports" ]] || die "installing goimports failed (see above)."
	changed=1
fi
if [[ ! -x "$GOBIN_DIR/gopls" ]]; then
	say "installing gopls $GOPLS_VERSION"
	(cd / && go install "golang.org/x/tools/gopls@$GOPLS_VERSION" 2>&1 | grep -v '^go: downloading' >&2 || true)
	[[ -x "$GOBIN_DIR/gopls" ]] || die "installing gopls failed (see above)."
	changed=1
fi

# 3. The kernel spec, pointing at a gonb binary that exists.
kernel_ok() {
	local dir bin
	dir="$(jupyter kernelspec list 2>/dev/null | awk '$1 == "gonb" {print $2}')"
	[[ -n "$dir" && -f "$dir/kernel.json" ]] || return 1
	bin="$(sed -n 's/.*"argv": *\[ *"\([^"]*\)".*/\1/p' "$dir/kernel.json")"
	[[ -x "$bin" ]]
}
if ((changed)) || ! kernel_ok; then
	say "registering the GoNB kernel with Jupyter"
	"$GOBIN_DIR/gonb" --install --logtostderr=false >/dev/null 2>&1 || "$GOBIN_DIR/gonb" --install
	changed=1
fi

# 4. Warm the Go build cache for a notebook cell that imports hyperlab, so that the
# first cell on a fresh machine compiles in seconds, not half a minute (GoNB runs
# `go build`; the cache is keyed by content, so the same packages are reused). The
# temporary module is set up as a notebook's first cell sets up GoNB's.
warm_cache() {
	local root tmp gonb_dep
	root="$(pwd)"
	tmp="$(mktemp -d)"
	gonb_dep="github.com/janpfeifer/gonb@$want_gonb"
	(
		cd "$tmp"
		go mod init hyperlab_warm >/dev/null 2>&1
		go work init && go work use . "$root" && go mod edit -replace="github.com/hyperlab-go/hyperlab=$root"
		go get "$gonb_dep" >/dev/null 2>&1
		printf 'package main\n\nimport (\n\t_ "github.com/hyperlab-go/hyperlab/lab"\n\t_ "github.com/janpfeifer/gonb/gonbui"\n)\n\nfunc main() {}\n' >main.go
		go build -o /dev/null . 2>&1
	) >&2 || say "warning: warming the Go build cache failed (see above); the first notebook cell will be slow"
	rm -rf "$tmp"
}
start=$SECONDS
warm_cache
say "Go build cache warm for notebook cells ($((SECONDS - start)) s)"

if ((changed)); then
	say "done. Jupyter, GoNB, goimports and gopls are installed."
else
	say "already set up."
fi
# Jupyter starts the kernel with its own PATH; GoNB then needs go, goimports and gopls.
case ":$ORIG_PATH:" in
*":$GOBIN_DIR:"*) ;;
*) say "note: add $GOBIN_DIR to PATH (e.g. in ~/.profile) before starting jupyter: export PATH=\"$GOBIN_DIR:\$PATH\"" ;;
esac

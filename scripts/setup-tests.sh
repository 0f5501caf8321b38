#!/usr/bin/env bash
# setup-tests.sh installs everything `make test` needs on a Debian/Ubuntu
# machine that has Go: Jupyter and the GoNB kernel (setup-notebooks.sh), and
# Chromium with local ECharts/RequireJS copies for the browser tests
# (install-browser.sh, which needs npm), and a CJK font for the Chinese
# charts. Idempotent and quiet when done already.
set -euo pipefail
cd "$(dirname "$0")/.."

sudo=()
[[ "$(id -u)" == 0 ]] || sudo=(sudo)
apt_updated=0
apt_install() { # apt_install <package>...: install from apt, updating the lists once
	command -v apt-get >/dev/null || { echo "setup-tests: apt-get not found; install $* yourself" >&2; exit 1; }
	if ((!apt_updated)); then
		"${sudo[@]}" apt-get update -qq
		apt_updated=1
	fi
	echo "setup-tests: installing $* (apt)"
	DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

bash scripts/setup-notebooks.sh

if [[ -f scripts/install-browser.sh ]]; then
	# install-browser.sh runs apt-get and npm itself; give it apt lists and npm.
	missing=()
	command -v chromium >/dev/null || command -v chromium-browser >/dev/null || missing+=(chromium)
	command -v npm >/dev/null || missing+=(npm)
	((${#missing[@]} == 0)) || apt_install "${missing[@]}"
	"${sudo[@]}" sh scripts/install-browser.sh
fi

# A font with Chinese glyphs: without one, the Chinese charts of notebooks/zh
# show empty boxes (tofu) in the browser checks, and the static chart images
# have nothing to embed (internal/cjkfont finds it). WenQuanYi Micro Hei is
# one small file; fonts-noto-cjk works too.
if ! ls /usr/share/fonts/truetype/wqy/wqy-microhei.ttc /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc >/dev/null 2>&1; then
	apt_install fonts-wqy-microhei fontconfig
fi

# Slurm and munge for the Slurm tests (cmd/hyperlab TestSlurm*); the test
# starts and stops the one-node cluster itself (scripts/slurm-up.sh).
if ! command -v sbatch >/dev/null || ! command -v munged >/dev/null; then
	apt_install slurm-wlm munge
fi

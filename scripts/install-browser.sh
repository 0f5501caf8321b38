#!/bin/sh
# install-browser.sh installs what the browser tests of hyperlab need:
# Debian's Chromium (headless, driven by chromedp) and pinned local copies of
# ECharts and RequireJS from npm, so the tests need no network at run time.
#
# Idempotent and quiet when everything is already present.
# The npm copies go to ${HYPERLAB_CACHE:-<repo>/.cache}/npm, a directory the
# script keeps out of git with its own .gitignore.
set -eu

ECHARTS_VERSION=5.6.0   # keep equal to plotting.EChartsVersion
REQUIREJS_VERSION=2.3.7

repo=$(cd "$(dirname "$0")/.." && pwd)
cache=${HYPERLAB_CACHE:-$repo/.cache}
npmdir=$cache/npm

if ! command -v chromium >/dev/null 2>&1; then
	echo "install-browser: installing chromium with apt-get" >&2
	apt-get install -y -q chromium >/dev/null
fi

mkdir -p "$npmdir"
[ -f "$cache/.gitignore" ] || printf '*\n' >"$cache/.gitignore"

have() { # have <package> <version>
	f=$npmdir/node_modules/$1/package.json
	[ -f "$f" ] && grep -q "\"version\": *\"$2\"" "$f"
}
if ! have echarts "$ECHARTS_VERSION" || ! have requirejs "$REQUIREJS_VERSION"; then
	echo "install-browser: npm install echarts@$ECHARTS_VERSION requirejs@$REQUIREJS_VERSION into $npmdir" >&2
	[ -f "$npmdir/package.json" ] || printf '{"private": true}\n' >"$npmdir/package.json"
	(cd "$npmdir" && npm install --silent --no-audit --no-fund \
		"echarts@$ECHARTS_VERSION" "requirejs@$REQUIREJS_VERSION" >/dev/null)
fi

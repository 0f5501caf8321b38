#!/bin/sh
# install-browser.sh installs what the browser tests of hyperlab need:
# Debian's Chromium (headless, driven by chromedp) and pinned local copies of
# ECharts and RequireJS from npm, so the tests need no network at run time.
#
# Idempotent and quiet when everything is already present. Chromium comes
# from apt (after apt-get update, with sudo when not root).
# The npm copies go to ${HYPERLAB_CACHE:-<repo>/.cache}/npm, a directory the
# script keeps out of git with its own .gitignore.
set -eu

ECHARTS_VERSION=5.6.0   # keep equal to plotting.EChartsVersion
REQUIREJS_VERSION=2.3.7

repo=$(cd "$(dirname "$0")/.." && pwd)
cache=${HYPERLAB_CACHE:-$repo/.cache}
npmdir=$cache/npm

if ! command -v chromium >/dev/null 2>&1; then
	command -v apt-get >/dev/null 2>&1 || {
		echo "install-browser: chromium is missing and apt-get is not available; install Chromium, then re-run" >&2
		exit 1
	}
	sudo=""
	[ "$(id -u)" = 0 ] || sudo=sudo
	echo "install-browser: installing chromium (apt)" >&2
	$sudo apt-get update -qq
	$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
	command -v chromium >/dev/null 2>&1 || {
		echo "install-browser: chromium is still not on PATH after apt-get install chromium" >&2
		exit 1
	}
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

#!/usr/bin/env bash
# trust-notebooks.sh marks notebooks trusted in this user's Jupyter (signs them
# with the local key), so the classic Notebook runs their charts' scripts.
# `jupyter trust` where it exists; Debian ships nbformat's signer without that
# command, so there it runs `python3 -m nbformat.sign` with the Python that
# Jupyter itself runs on (its `#!` line), which has nbformat.
#
# Usage: bash scripts/trust-notebooks.sh notebooks/*.ipynb
set -euo pipefail
(($#)) || { echo "usage: trust-notebooks.sh NOTEBOOK.ipynb..." >&2; exit 2; }
if command -v jupyter-trust >/dev/null; then
	exec jupyter trust "$@"
fi
jupyter="$(command -v jupyter)" || { echo "trust-notebooks: jupyter is not installed; run bash scripts/setup-notebooks.sh" >&2; exit 1; }
python="$(sed -n '1s/^#! *//p' "$jupyter" | awk '{print $1}')"
[[ -x "$python" ]] || python=python3
if ! "$python" -c 'import nbformat.sign' 2>/dev/null; then
	echo "trust-notebooks: $python has no nbformat; install Jupyter with scripts/setup-notebooks.sh" >&2
	exit 1
fi
exec "$python" -m nbformat.sign "$@"

#!/usr/bin/env bash
# The benchmark command: installs PyTorch if missing, then runs every case
# side by side and rewrites docs/benchmarks.md. Extra arguments go to the Go
# program (go run ./bench -h lists them).
set -euo pipefail
cd "$(dirname "$0")/.."
bash bench/setup.sh
exec go run ./bench "$@"

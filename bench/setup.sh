#!/usr/bin/env bash
# Installs what bench/ needs besides Go: Debian's PyTorch (CPU) for the
# side-by-side step times. Idempotent; run as root on Debian.
set -euo pipefail
if /usr/bin/python3 -c 'import torch' 2>/dev/null; then
  echo "bench/setup.sh: torch $(/usr/bin/python3 -c 'import torch; print(torch.__version__)') already installed"
  exit 0
fi
if ! command -v apt-get >/dev/null; then
  echo "bench/setup.sh: no apt-get here; install PyTorch for python3 yourself (pip install torch) and pass -python to go run ./bench" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -q
apt-get install -y -q python3-torch
/usr/bin/python3 -c 'import torch; print("bench/setup.sh: torch", torch.__version__)'

#!/usr/bin/env bash
# slurm-down.sh stops the one-node cluster of slurm-up.sh: the jobs, slurmd,
# slurmctld and munged.
set -uo pipefail
sudo=()
[[ "$(id -u)" == 0 ]] || sudo=(sudo)
command -v scancel >/dev/null && "${sudo[@]}" scancel --user="$(id -un)" 2>/dev/null
for d in slurmd slurmctld munged; do
	"${sudo[@]}" pkill -x "$d" 2>/dev/null
done
for _ in $(seq 1 20); do
	pgrep -x slurmd >/dev/null || pgrep -x slurmctld >/dev/null || pgrep -x munged >/dev/null || exit 0
	sleep 0.25
done
echo "slurm-down: daemons still running after 5 s" >&2
exit 1

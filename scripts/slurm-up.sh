#!/usr/bin/env bash
# slurm-up.sh brings up a one-node Slurm cluster on this machine, for the
# Slurm tests (cmd/hyperlab TestSlurm*): Debian's slurm-wlm and munge, a munge
# key, a minimal slurm.conf with this host as the only node, and the three
# daemons. Needs root (or sudo). Idempotent: a running cluster is left as is.
# scripts/slurm-down.sh stops what this started.
#
# Usage: bash scripts/slurm-up.sh
set -euo pipefail
sudo=()
[[ "$(id -u)" == 0 ]] || sudo=(sudo)
say() { echo "slurm-up: $*"; }

if ! command -v sbatch >/dev/null || ! command -v munged >/dev/null; then
	say "installing slurm-wlm and munge (apt)"
	"${sudo[@]}" apt-get update -qq
	DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends slurm-wlm munge >/dev/null
fi

if sinfo -h -o %T 2>/dev/null | grep -qE '^(idle|mixed|allocated)'; then
	say "already up"
	exit 0
fi

host="$(hostname -s)"
cpus="$(nproc)"
mem_mb="$(awk '/MemTotal/ {print int($2 / 1024 * 0.9)}' /proc/meminfo)"

# munge: a key readable only by its daemon's user.
"${sudo[@]}" install -d -o munge -g munge -m 0700 /etc/munge /var/lib/munge /var/log/munge
"${sudo[@]}" install -d -o munge -g munge -m 0755 /run/munge
if [[ ! -s /etc/munge/munge.key ]]; then
	"${sudo[@]}" dd if=/dev/urandom of=/etc/munge/munge.key bs=1 count=1024 status=none
fi
"${sudo[@]}" chown munge:munge /etc/munge/munge.key
"${sudo[@]}" chmod 0400 /etc/munge/munge.key
if ! pgrep -x munged >/dev/null; then
	"${sudo[@]}" -u munge /usr/sbin/munged 2>/dev/null || "${sudo[@]}" su -s /bin/sh munge -c /usr/sbin/munged
fi

# slurm.conf: one node, this host, no cgroups (containers lack them).
"${sudo[@]}" install -d -m 0755 /etc/slurm /var/spool/slurmctld /var/spool/slurmd /var/log/slurm
"${sudo[@]}" tee /etc/slurm/slurm.conf >/dev/null <<CONF
ClusterName=hyperlab
SlurmctldHost=$host
SlurmUser=root
SlurmctldPort=6817
SlurmdPort=6818
AuthType=auth/munge
StateSaveLocation=/var/spool/slurmctld
SlurmdSpoolDir=/var/spool/slurmd
SlurmctldPidFile=/run/slurmctld.pid
SlurmdPidFile=/run/slurmd.pid
SlurmctldLogFile=/var/log/slurm/slurmctld.log
SlurmdLogFile=/var/log/slurm/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
SchedulerType=sched/backfill
ReturnToService=2
MpiDefault=none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
NodeName=$host CPUs=$cpus RealMemory=$mem_mb State=UNKNOWN
PartitionName=debug Nodes=$host Default=YES MaxTime=INFINITE State=UP
CONF
pgrep -x slurmctld >/dev/null || "${sudo[@]}" /usr/sbin/slurmctld
pgrep -x slurmd >/dev/null || "${sudo[@]}" /usr/sbin/slurmd

for _ in $(seq 1 60); do
	if sinfo -h -o %T 2>/dev/null | grep -qE '^(idle|mixed|allocated)'; then
		say "up: one node ($host, $cpus CPUs), partition debug"
		exit 0
	fi
	sleep 0.5
done
say "the node did not come up within 30 s; see /var/log/slurm/slurmctld.log and slurmd.log" >&2
sinfo >&2 || true
exit 1

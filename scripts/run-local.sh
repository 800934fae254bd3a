#!/usr/bin/env bash
# The job, embedded, on the built-in contact-center simulator: 200 agents, one simulated hour, as fast as it goes.
# Serves the Flink web UI on http://localhost:8081 while it runs, writes the tables under ./output and ends with
# a summary of what was written where. Any configuration key can be given as a flag (see the README), e.g.
#
#   scripts/run-local.sh --simulator.agents 500 --simulator.duration 4h --window 30m
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$here/lib/java-env.sh"

defaults=(--source simulator --output "$repo_root/output" --web-ui-port 8081 --checkpoint-interval 10s
          --simulator.agents 200 --simulator.duration 1h
          --simulator.silent-agents 3 --simulator.duplicates 0.01 --simulator.out-of-order 0.02
          --simulator.malformed 0.002)
# A flag given on the command line replaces the default of the same key.
args=()
for ((i = 0; i < ${#defaults[@]}; i += 2)); do
  key="${defaults[i]}"
  if ! printf '%s\n' "$@" | grep -q -- "^$key\(=\|$\)"; then args+=("$key" "${defaults[i+1]}"); fi
done
run_java dev.agentanalytics.EmbeddedRun "${args[@]}" "$@"

#!/usr/bin/env bash
# The job, embedded, on the built-in contact-center simulator: 200 agents, one simulated hour, as fast as it goes.
# Serves the Flink web UI on http://localhost:8081 while it runs, writes the tables under ./output, ends with a
# summary of what was written where, then writes the HTML report of those tables (output/report.html) and prints
# its path. The default ./output is emptied first: it holds the latest run only. Any configuration key can be given as a flag (see the README), e.g.
#
#   scripts/run-local.sh --simulator.agents 500 --simulator.duration 4h --window 30m
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$here/lib/java-env.sh"

defaults=(--source simulator --output "$repo_root/output" --web-ui-port 8081 --checkpoint-interval 10s
          --simulator.agents 200 --simulator.duration 1h
          --simulator.silent-agents 3 --simulator.duplicates 0.01 --simulator.out-of-order 0.02
          --simulator.malformed 0.002)
# A flag given on the command line replaces the default of the same key; the default silent agents are at most the
# agents asked for (--simulator.agents 2 has two that may go silent, not three).
given=("$@")
agents=""
for ((i = 0; i < ${#given[@]}; i++)); do
  case "${given[i]}" in
    --simulator.agents) agents="${given[i+1]:-}" ;;
    --simulator.agents=*) agents="${given[i]#--simulator.agents=}" ;;
  esac
done
args=()
for ((i = 0; i < ${#defaults[@]}; i += 2)); do
  key="${defaults[i]}"
  value="${defaults[i+1]}"
  if [ "$key" = --simulator.silent-agents ] && [[ "$agents" =~ ^[0-9]+$ ]] && [ "$agents" -lt "$value" ]; then
    value="$agents"
  fi
  if ! printf '%s\n' "$@" | grep -q -- "^$key\(=\|$\)"; then args+=("$key" "$value"); fi
done
output="$repo_root/output"
all=("${args[@]}" "$@")
for ((i = 0; i < ${#all[@]}; i++)); do
  case "${all[i]}" in
    --output) output="${all[i+1]:-}" ;;
    --output=*) output="${all[i]#--output=}" ;;
  esac
done
# The default folder is this demo's own: a second run replaces the first instead of adding its rows to them.
if [ "$output" = "$repo_root/output" ]; then rm -rf "$output"; fi

java_main dev.agentanalytics.EmbeddedRun "${args[@]}" "$@"

# The report of what was written, when it was written to a folder.
case "$output" in
  *://*) echo "No report: the output is not a local folder ($output)." ;;
  *) java_main dev.agentanalytics.report.ReportCli "$output" ;;
esac

#!/usr/bin/env bash
# Writes a simulated agent event stream to a JSON-lines file (.gz compresses), for replays and for the producer.
#
#   scripts/simulate.sh --file events.jsonl.gz [--simulator.agents 200] [--simulator.duration 1h]
#                       [--simulator.seed 42] [--simulator.duplicates 0.01] ... [--out-of-orderness 5s]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$here/lib/java-env.sh"
run_java dev.agentanalytics.source.simulator.SimulatorCli "$@"

#!/usr/bin/env bash
# Writes a simulated agent event stream to a JSON-lines file for replays.
# Usage: scripts/simulate.sh --file events.jsonl.gz [--simulator.agents 200] [--simulator.duration 1h]
#        [--simulator.seed 42] [--simulator.duplicates 0.01] ... [--out-of-orderness 5s]
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"

if [ ! -d target/classes/dev/agentanalytics/source/simulator ]; then
  mvn -q -o -DskipTests compile
fi
if [ ! -s target/classpath.txt ] || [ pom.xml -nt target/classpath.txt ]; then
  mvn -q -o dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
fi

exec java --add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.util=ALL-UNNAMED \
  -cp "target/classes:$(cat target/classpath.txt)" dev.agentanalytics.source.simulator.SimulatorCli "$@"

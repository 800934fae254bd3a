#!/usr/bin/env bash
# Throughput figures, printed (never asserted): the parser and the engine on one core, then a whole replay in an
# embedded Flink over a simulated file.
#
#   scripts/benchmark.sh [AGENTS]      (default 500 agents, 4 simulated hours)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$here/lib/java-env.sh"
agents="${1:-500}"

ensure_built
(cd "$repo_root" && mvn -q -B test-compile dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile=target/test-classpath.txt) >&2
echo "== parser and engine, one core"
# shellcheck disable=SC2046
java $(java_module_flags) -cp "$repo_root/target/test-classes:$repo_root/target/classes:$(cat "$repo_root/target/test-classpath.txt")" \
  dev.agentanalytics.benchmark.ThroughputBenchmark "$agents"

echo "== whole replay, embedded Flink, BATCH mode"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
"$here/simulate.sh" --file "$work/events.jsonl" --simulator.agents "$agents" --simulator.duration 4h >/dev/null
count=$(wc -l < "$work/events.jsonl")
start=$(date +%s.%N)
"$here/replay.sh" --input "$work/events.jsonl" --output "$work/out" >/dev/null 2>&1
end=$(date +%s.%N)
awk -v n="$count" -v s="$start" -v e="$end" \
  'BEGIN { printf "replay: %d events in %.1f s wall clock, JVM start included: %.0f events/s\n", n, e - s, n / (e - s) }'

echo "== live: a silent stream still reports a stale agent (delay after its wall-clock deadline)"
# shellcheck disable=SC2046
java $(java_module_flags) -cp "$repo_root/target/test-classes:$repo_root/target/classes:$(cat "$repo_root/target/test-classpath.txt")" \
  dev.agentanalytics.benchmark.SilentStreamLatency 2>/dev/null | grep '^silent stream'

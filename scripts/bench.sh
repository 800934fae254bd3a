#!/usr/bin/env bash
# Performance figures on one fixed data set, each against a reference run on the same bytes, printed and never
# asserted (docs/performance.md).
#
#   scripts/bench.sh
#
# Generates once and keeps (in .bench-data/, or $BENCH_DATA) a simulated data set cut into 128 MB parts, as Kinesis
# Data Firehose delivers a stream to S3: BENCH_AGENTS agents (default 10000, a large center) x 4 h, about 2.3 million
# events of 3-8 KB (14 GB), and 40 agents x 45 days for the long history (about as many events). Why that size: a fresh
# JVM's job pays about 10 s of start and warm-up whatever the input (docs/performance.md, "The benchmark"), so a set
# of a million events measures that start about as much as the job's throughput. Then measures, each
# in a JVM of its own, on the same bytes:
#   (a) reference  a single-threaded Jackson readTree loop over the lines
#   (p) parse      the job's own parser alone, one thread (a component of (b), for the profile)
#   (b) batch      the whole job, BATCH replay, parallelism 2, every table written
#   (c) discard    the same with sinks that discard
#   (d) rocksdb    STREAMING on the RocksDB state backend, incremental checkpoints every 10 s (as Managed Flink)
#   (e) history    40 agents x 45 days, as (b): the cost per event with a long history per agent
#   (w) warm       (b) as the third run of the job in one JVM: what (b) costs once the JVM has loaded and compiled
#                  its code, which every fresh JVM pays again (printed as w/a; it has no target)
#   (f) floor      a job of (b)'s shape that does none of its work: the same files and source, events as large as
#                  (b)'s with its keys through the same keyed exchange and BATCH sort, no parsing, engine or tables:
#                  what Flink costs (b)'s main exchange in a fresh JVM (printed as f/a; no target: b/a stays below it)
# and prints events/s, MB/s, peak heap and RSS of each run, and its CPU time with the JIT compilers' share of it.
# This machine's speed drifts between runs, so every measurement runs BENCH_ROUNDS times (default 2), the rounds one
# after the other, and the ratios p/a, b/a, c/a, d/a, e/b, w/a and f/a are taken between the best run of each. Then the
# keyed state per agent from RocksDB snapshots of 10,000 and 100,000 agents, and the live latency figures.
# BENCH_JAVA_OPTS adds JVM options to every run (-Dflink.KEY=VALUE tries a Flink setting); BENCH_SKIP=d skips (d).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$here/lib/java-env.sh"
agents="${BENCH_AGENTS:-10000}"
data="${BENCH_DATA:-$repo_root/.bench-data}"
main_set="$data/events-${agents}-agents-4h"
history_set="$data/events-40-agents-45d-seed6"
rounds="${BENCH_ROUNDS:-2}"
[[ "$rounds" =~ ^[1-9][0-9]*$ ]] || { echo "BENCH_ROUNDS must be a whole number of 1 or more, not '$rounds'" >&2; exit 2; }

ensure_built
(cd "$repo_root" && mvn -q -B test-compile dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile=target/test-classpath.txt) >&2
classpath="$repo_root/target/test-classes:$repo_root/target/classes:$(cat "$repo_root/target/test-classpath.txt")"

bench_java() {
  # shellcheck disable=SC2046
  java ${BENCH_JAVA_OPTS:-} $(java_module_flags) \
    -Dlog4j.configurationFile="$repo_root/scripts/lib/log4j2-cli.properties" -cp "$classpath" "$@"
}

mkdir -p "$data"
generate() { # FOLDER AGENTS DURATION SEED
  if [ ! -f "$1.complete" ]; then
    echo "generating $1 (once; kept for the next runs)" >&2
    rm -rf "$1" && mkdir -p "$1"
    "$here/simulate.sh" --file "$1/all.jsonl" --simulator.agents "$2" --simulator.duration "$3" \
      --simulator.seed "$4" >/dev/null
    # Firehose-like objects of at most 128 MB, whole lines each (what a replay of an S3 prefix reads).
    (cd "$1" && split -C 128m -d -a 4 --additional-suffix=.jsonl all.jsonl part- && rm all.jsonl)
    touch "$1.complete"
  fi
}
generate "$main_set" "$agents" 4h 13
# (e) measures history, not how a few keys happen to hash: with seed 6 the 40 agents' events split 50/50 over the
# 2 subtasks (seed 5: 44/56, and the engine stage lasts as long as its larger half).
generate "$history_set" 40 45d 6

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
declare -A rate
measure() { # NAME MODE FOLDER ROUND
  local line log="$data/bench-$1-round-$4.log"
  rm -rf "${work:?}"/*
  bench_java dev.agentanalytics.benchmark.JobBenchmark "$2" "$3" "$work" >"$log" 2>&1 || true
  if ! line="$(grep '^result' "$log")"; then
    echo "($1) failed; the end of $log:" >&2; tail -20 "$log" >&2; exit 1
  fi
  # result MODE events=N bytes=B seconds=S heap_mb=H rss_mb=R cpu_s=C jit_s=J
  eval "$(echo "$line" | awk '{ for (i = 3; i <= NF; i++) print $i }')"
  local run_rate
  run_rate="$(awk -v n="$events" -v s="$seconds" 'BEGIN { printf "%.1f", n / s }')"
  if [ -z "${rate[$1]:-}" ] || awk -v x="$run_rate" -v y="${rate[$1]}" 'BEGIN { exit !(x > y) }'; then
    rate[$1]="$run_rate"
  fi
  awk -v name="$1" -v n="$events" -v b="$bytes" -v s="$seconds" -v h="$heap_mb" -v r="$rss_mb" -v round="$4" \
      -v cpu="$cpu_s" -v jit="$jit_s" 'BEGIN {
    printf "(%s) %-9s round %d: %9d events %7.0f MB in %7.1f s: %8.0f events/s %6.1f MB/s; peak heap %5d MB, peak RSS %5d MB; CPU %5.1f s, JIT %4.1f s\n",
      substr(name, 1, 1), substr(name, 3), round, n, b / 1e6, s, n / s, b / 1e6 / s, h, r, cpu, jit }'
}

echo "== throughput ($(nproc) cores; $(java -version 2>&1 | head -1); $rounds rounds, the best run of each counts)"
for round in $(seq 1 "$rounds"); do
  measure a-reference reference "$main_set" "$round"
  measure p-parse parse "$main_set" "$round"
  measure b-batch batch "$main_set" "$round"
  measure c-discard discard "$main_set" "$round"
  [[ "${BENCH_SKIP:-}" == *d* ]] || measure d-rocksdb rocksdb "$main_set" "$round"
  measure e-history batch "$history_set" "$round"
  measure w-warm warm "$main_set" "$round"
  measure f-floor floor "$main_set" "$round"
done
ratio() { # NAME OF OVER [TARGET [NOTE]]
  awk -v x="${rate[$2]}" -v y="${rate[$3]}" -v name="$1" -v t="${4:-}" -v note="${5:-}" \
    'BEGIN { printf "%s = %.2f%s%s\n", name, x / y, t == "" ? "" : "   (target >= " t ")", note == "" ? "" : "   (" note ")" }'; }
ratio p/a p-parse a-reference ""
ratio b/a b-batch a-reference 1.0
ratio c/a c-discard a-reference ""
[[ "${BENCH_SKIP:-}" == *d* ]] || ratio d/a d-rocksdb a-reference 0.5
ratio e/b e-history b-batch 0.9
ratio w/a w-warm a-reference "" "no target: (b) in a JVM that has run it twice before"
ratio f/a f-floor a-reference "" "no target: Flink alone, an upper bound of b/a"

echo "== keyed state per agent (RocksDB snapshots, under a 2 GB heap)"
BENCH_JAVA_OPTS="-Xmx2g" bench_java dev.agentanalytics.benchmark.StateSizeBenchmark 2>/dev/null | grep '^state'

echo "== live latency"
bench_java dev.agentanalytics.benchmark.SilentStreamLatency 2>/dev/null | grep '^silent stream'
port="${BENCH_KINESIS_PORT:-4598}"
"$here/kinesis-emulator.sh" start --port "$port" --tls-port "$((port + 1))" --streams bench-alerts:1 >&2
trap '"$here/kinesis-emulator.sh" stop >&2 || true; rm -rf "$work"' EXIT
rm -rf "${work:?}"/*
bench_java dev.agentanalytics.benchmark.LiveLatency "http://127.0.0.1:$port" bench-alerts "$work" 2>/dev/null \
  | grep '^live latency'

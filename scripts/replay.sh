#!/usr/bin/env bash
# Replays Amazon Connect agent events from JSON-lines files (or folders, .gz too) in an embedded Flink and writes
# the output tables. Exits 0 once every output row is committed.
#
#   scripts/replay.sh --input PATH [PATH...] --output DIR [--window 15m] [--parallelism N] [--KEY VALUE ...]
#
# Every configuration key of the README is accepted as a flag.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$here/lib/java-env.sh"

usage() {
  sed -n '2,7p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2
}
if [ $# -eq 0 ]; then usage; exit 2; fi
case " $* " in
  *" --help "*|*" -h "*) usage; exit 0 ;;
esac
if ! printf '%s\n' "$@" | grep -q -- '^--input\(=\|$\)'; then
  echo "replay.sh: --input PATH is required" >&2; usage; exit 2
fi
if ! printf '%s\n' "$@" | grep -q -- '^--output\(=\|$\)'; then
  echo "replay.sh: --output DIR is required" >&2; usage; exit 2
fi
run_java dev.agentanalytics.EmbeddedRun --source files "$@"

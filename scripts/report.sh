#!/usr/bin/env bash
# Writes one self-contained HTML report (no network needed to view it) of the tables a run of the job wrote.
#
#   scripts/report.sh OUTPUT_DIR [--from T --to T] [--zone ZONE] [--out FILE]
#
# OUTPUT_DIR: the job's output folder (or an S3 prefix synced to a folder). T: an instant (2024-05-06T08:00:00Z) or a
# local date or date-time in ZONE (2024-05-06, 2024-05-06T08:00). ZONE: an IANA zone (default UTC); every time is shown
# in it. The report goes to OUTPUT_DIR/report.html unless --out says otherwise.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$here/lib/java-env.sh"
if [ $# -eq 0 ] || [ "$1" = "--help" ] || [ "$1" = "-h" ]; then
  sed -n '2,8p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2
  [ $# -eq 0 ] && exit 2 || exit 0
fi
run_java dev.agentanalytics.report.ReportCli "$@"

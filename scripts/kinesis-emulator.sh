#!/usr/bin/env bash
# Starts, stops or checks a local Kinesis emulator (kinesis-local, pinned in package.json / package-lock.json).
#
#   scripts/kinesis-emulator.sh start  [--port 4568] [--tls-port 4567] [--streams agent-events:2,agent-alerts:1]
#   scripts/kinesis-emulator.sh stop
#   scripts/kinesis-emulator.sh status
#
# Plain HTTP on --port, HTTPS (self-signed certificate) on --tls-port. Streams are created at start; there is no
# persistence: a restart starts empty. Pid and log: target/kinesis-emulator/. Needs node and npm on PATH; the
# package is installed with `npm ci` the first time. The emulator listens on all interfaces: use 127.0.0.1.
set -euo pipefail
repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
state_dir="$repo_root/target/kinesis-emulator"
pid_file="$state_dir/emulator.pid"
log_file="$state_dir/emulator.log"
package_dir="$repo_root/node_modules/kinesis-local"

usage() {
  sed -n '2,10p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2
}

die() {
  echo "kinesis-emulator.sh: $*" >&2
  exit 2
}

running_pid() {
  [ -f "$pid_file" ] || return 1
  local pid
  pid="$(cat "$pid_file")"
  kill -0 "$pid" 2>/dev/null || return 1
  echo "$pid"
}

start() {
  local port=4568 tls_port=4567 streams="agent-events:2,agent-alerts:1"
  while [ $# -gt 0 ]; do
    case "$1" in
      --port) [ $# -ge 2 ] || die "--port needs a value"; port="$2"; shift 2 ;;
      --tls-port) [ $# -ge 2 ] || die "--tls-port needs a value"; tls_port="$2"; shift 2 ;;
      --streams) [ $# -ge 2 ] || die "--streams needs a value"; streams="$2"; shift 2 ;;
      *) usage; die "unknown argument '$1'" ;;
    esac
  done
  [[ "$port" =~ ^[0-9]+$ ]] || die "--port must be a number, got '$port'"
  [[ "$tls_port" =~ ^[0-9]+$ ]] || die "--tls-port must be a number, got '$tls_port'"
  if pid="$(running_pid)"; then
    die "already running (pid $pid); stop it first"
  fi
  command -v node >/dev/null || die "node is not on PATH (Node 18 or later)"
  if [ ! -f "$package_dir/main.js" ]; then
    command -v npm >/dev/null || die "npm is not on PATH"
    echo "Installing the emulator (npm ci)..." >&2
    (cd "$repo_root" && npm ci --no-audit --no-fund) >&2
  fi
  mkdir -p "$state_dir"
  # Without KINESIS_MOCK_CERT_PATH the emulator looks for server.json in the working directory and crashes.
  KINESIS_MOCK_PLAIN_PORT="$port" KINESIS_MOCK_TLS_PORT="$tls_port" \
    KINESIS_MOCK_CERT_PATH="$package_dir/server.json" INITIALIZE_STREAMS="$streams" LOG_LEVEL=WARN \
    nohup node "$package_dir/main.js" >"$log_file" 2>&1 &
  echo $! >"$pid_file"
  # Bounded poll: up in about 1 s here; 30 s covers a slow, shared machine.
  local deadline=$((SECONDS + 30))
  until curl -s -o /dev/null "http://127.0.0.1:$port/healthcheck"; do
    if ! running_pid >/dev/null; then
      rm -f "$pid_file"
      die "the emulator exited at start; see $log_file: $(tail -3 "$log_file")"
    fi
    if [ $SECONDS -ge $deadline ]; then
      stop >/dev/null
      die "the emulator did not answer on port $port within 30 s; see $log_file"
    fi
    sleep 0.2
  done
  echo "Kinesis emulator up (pid $(cat "$pid_file")): http://127.0.0.1:$port, https://127.0.0.1:$tls_port," \
    "streams $streams"
}

stop() {
  local pid
  if ! pid="$(running_pid)"; then
    rm -f "$pid_file"
    echo "Kinesis emulator not running"
    return 0
  fi
  kill "$pid"
  local deadline=$((SECONDS + 15))
  while kill -0 "$pid" 2>/dev/null; do
    if [ $SECONDS -ge $deadline ]; then
      echo "kinesis-emulator.sh: pid $pid ignored SIGTERM for 15 s; sending SIGKILL" >&2
      kill -9 "$pid" 2>/dev/null || true
    fi
    sleep 0.1
  done
  rm -f "$pid_file"
  echo "Kinesis emulator stopped (pid $pid)"
}

status() {
  local pid
  if pid="$(running_pid)"; then
    echo "Kinesis emulator running (pid $pid); log: $log_file"
  else
    echo "Kinesis emulator not running"
    return 1
  fi
}

[ $# -ge 1 ] || { usage; exit 2; }
command="$1"; shift
case "$command" in
  start) start "$@" ;;
  stop) [ $# -eq 0 ] || die "stop takes no arguments"; stop ;;
  status) [ $# -eq 0 ] || die "status takes no arguments"; status ;;
  -h|--help) usage ;;
  *) usage; die "unknown command '$command' (start, stop or status)" ;;
esac

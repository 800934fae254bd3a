#!/usr/bin/env bash
# A real standalone Flink 1.19 session cluster (one job manager, one task manager) on this machine, without Docker
# and without the flink-dist tarball: the class path comes from Maven (deploy/local-cluster/pom.xml) and the JVMs are
# started the way Flink's own bin/jobmanager.sh and bin/taskmanager.sh start them.
#
# Everything it creates lives under target/local-cluster/: conf/, log/, pid files, checkpoints/, savepoints/.
set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CLUSTER_DIR="$REPO_ROOT/target/local-cluster"
CONF_DIR="$CLUSTER_DIR/conf"
LOG_DIR="$CLUSTER_DIR/log"
CLASSPATH_FILE="$CLUSTER_DIR/classpath.txt"
JM_PID_FILE="$CLUSTER_DIR/jobmanager.pid"
TM_PID_FILE="$CLUSTER_DIR/taskmanager.pid"
# JOB_JAR lets a different build (or a test jar) be submitted.
JAR="${JOB_JAR:-$REPO_ROOT/target/connect-agent-analytics-1.0.0-SNAPSHOT.jar}"
ENTRY_CLASS="dev.agentanalytics.AgentAnalyticsJob"

REST_PORT="${FLINK_REST_PORT:-8081}"
# Another cluster on the same machine would clash on the job manager's RPC port as well.
RPC_PORT="${FLINK_RPC_PORT:-6123}"
REST_URL="http://127.0.0.1:$REST_PORT"
# Bounded waits (seconds): long enough for a cold JVM on 2 cores, short enough to fail visibly.
START_TIMEOUT="${START_TIMEOUT:-90}"
STOP_TIMEOUT="${STOP_TIMEOUT:-30}"

usage() {
  cat >&2 <<EOF
Usage: $0 start | status | stop | submit [--savepoint PATH [--allow-non-restored-state]] [--] [JOB FLAGS...]

  start    start a job manager and a task manager (REST and web UI on $REST_URL); refuses if already running
  status   print the processes and the cluster overview (exit 3 when not running)
  submit   upload $(basename "$JAR") and run $ENTRY_CLASS with JOB FLAGS (--key value ...);
           --savepoint restores from a savepoint or retained checkpoint; prints the job id
  stop     cancel running jobs, stop both processes and wait until they have exited

Environment: FLINK_REST_PORT (default 8081), FLINK_RPC_PORT (6123), JOB_JAR (the jar to submit),
START_TIMEOUT (90), STOP_TIMEOUT (30).
EOF
}

die() {
  echo "local-cluster: $*" >&2
  exit 1
}

require() {
  command -v "$1" >/dev/null 2>&1 || die "'$1' is needed but not on PATH."
}

# The Java 17 module flags have one source of truth: the flink.java17.flags property of the job's pom.xml.
java17_flags() {
  local flags
  flags="$(sed -n 's:.*<flink.java17.flags>\(.*\)</flink.java17.flags>.*:\1:p' "$REPO_ROOT/pom.xml")"
  [[ -n "$flags" ]] || die "flink.java17.flags not found in $REPO_ROOT/pom.xml."
  echo "$flags"
}

pid_alive() {
  local pid_file="$1"
  [[ -f "$pid_file" ]] && kill -0 "$(cat "$pid_file")" 2>/dev/null
}

rest_answers() {
  curl -sf -o /dev/null --max-time 2 "$REST_URL/overview"
}

build_classpath() {
  # Resolved once and cached; resolved again when the helper pom changes.
  if [[ ! -s "$CLASSPATH_FILE" || "$REPO_ROOT/deploy/local-cluster/pom.xml" -nt "$CLASSPATH_FILE" ]]; then
    echo "Resolving the Flink class path with Maven..." >&2
    mvn -q -f "$REPO_ROOT/deploy/local-cluster/pom.xml" dependency:build-classpath \
      -Dmdep.outputFile="$CLASSPATH_FILE" >&2 || die "mvn dependency:build-classpath failed."
  fi
  cat "$CLASSPATH_FILE"
}

# A copy of flink-conf/ with the addresses pinned to loopback (nothing else on the network can reach it) and the
# state directories under target/. The shared config.yaml uses flat keys, so dropping a key's line is enough.
generate_conf() {
  local overridden='^(jobmanager\.rpc\.address|jobmanager\.rpc\.port|jobmanager\.bind-host|taskmanager\.bind-host|taskmanager\.host|rest\.address|rest\.bind-address|rest\.port|state\.checkpoints\.dir|state\.savepoints\.dir|env\.log\.dir|env\.pid\.dir):'
  rm -rf "$CONF_DIR"
  mkdir -p "$CONF_DIR" "$LOG_DIR" "$CLUSTER_DIR/checkpoints" "$CLUSTER_DIR/savepoints"
  cp "$REPO_ROOT/flink-conf/log4j.properties" "$REPO_ROOT/flink-conf/log4j-console.properties" "$CONF_DIR/"
  {
    grep -Ev "$overridden" "$REPO_ROOT/flink-conf/config.yaml"
    echo
    echo "# Written by scripts/local-cluster.sh"
    echo "jobmanager.rpc.address: 127.0.0.1"
    echo "jobmanager.rpc.port: $RPC_PORT"
    echo "jobmanager.bind-host: 127.0.0.1"
    echo "taskmanager.bind-host: 127.0.0.1"
    echo "taskmanager.host: 127.0.0.1"
    echo "rest.address: 127.0.0.1"
    echo "rest.bind-address: 127.0.0.1"
    echo "rest.port: $REST_PORT"
    echo "state.checkpoints.dir: file://$CLUSTER_DIR/checkpoints"
    echo "state.savepoints.dir: file://$CLUSTER_DIR/savepoints"
  } >"$CONF_DIR/config.yaml"
}

# Flink's scripts ask BashJavaUtils for the memory settings: the first result line holds the JVM options (-Xmx...),
# the second the derived memory sizes as dynamic properties (-D key=value ...), which the entry point needs too
# (without them the task manager fails on taskmanager.cpu.cores).
resource_params() {
  local command="$1" classpath="$2" output results
  output="$(java -cp "$classpath" org.apache.flink.runtime.util.bash.BashJavaUtils "$command" \
    --configDir "$CONF_DIR" 2>&1)" || die "BashJavaUtils $command failed:"$'\n'"$output"
  results="$(grep '^BASH_JAVA_UTILS_EXEC_RESULT:' <<<"$output" | sed 's/^BASH_JAVA_UTILS_EXEC_RESULT://')" || true
  [[ "$(wc -l <<<"$results")" -eq 2 && -n "$results" ]] \
    || die "BashJavaUtils $command: expected 2 result lines, got:"$'\n'"$output"
  echo "$results"
}

# Starts one Flink process in the background and records its pid. $1 name, $2 BashJavaUtils command,
# $3 main class, $4 class path.
start_process() {
  local name="$1" command="$2" main_class="$3" classpath="$4" params jvm_params dynamic_params
  params="$(resource_params "$command" "$classpath")"
  jvm_params="$(head -n1 <<<"$params")"
  dynamic_params="$(tail -n1 <<<"$params")"
  local log_file="$LOG_DIR/$name.log"
  # Word splitting of the flag strings is intended: each holds space-separated JVM options or -D key=value pairs.
  # shellcheck disable=SC2086
  nohup java $jvm_params $(java17_flags) \
    -Dlog.file="$log_file" \
    -Dlog4j.configuration="file:$CONF_DIR/log4j.properties" \
    -Dlog4j.configurationFile="file:$CONF_DIR/log4j.properties" \
    -cp "$classpath" "$main_class" --configDir "$CONF_DIR" $dynamic_params \
    >"$LOG_DIR/$name.out" 2>&1 </dev/null &
  echo $! >"$CLUSTER_DIR/$name.pid"
}

log_tails() {
  local file
  for file in "$LOG_DIR"/jobmanager.log "$LOG_DIR"/jobmanager.out "$LOG_DIR"/taskmanager.log "$LOG_DIR"/taskmanager.out; do
    if [[ -s "$file" ]]; then
      echo "----- last lines of $file" >&2
      tail -n 25 "$file" >&2
    fi
  done
}

cmd_start() {
  require java
  require mvn
  require curl
  require jq
  if pid_alive "$JM_PID_FILE" || pid_alive "$TM_PID_FILE"; then
    die "already running (pids in $CLUSTER_DIR); use '$0 stop' first."
  fi
  if rest_answers; then
    die "something else already answers on $REST_URL; stop it or set FLINK_REST_PORT."
  fi
  rm -f "$JM_PID_FILE" "$TM_PID_FILE"

  local classpath
  classpath="$(build_classpath)"
  generate_conf
  start_process jobmanager GET_JM_RESOURCE_PARAMS \
    org.apache.flink.runtime.entrypoint.StandaloneSessionClusterEntrypoint "$classpath"
  start_process taskmanager GET_TM_RESOURCE_PARAMS \
    org.apache.flink.runtime.taskexecutor.TaskManagerRunner "$classpath"

  echo "Waiting for the REST endpoint and a registered task manager (up to ${START_TIMEOUT}s)..."
  local deadline=$((SECONDS + START_TIMEOUT)) taskmanagers
  while ((SECONDS < deadline)); do
    if ! pid_alive "$JM_PID_FILE" || ! pid_alive "$TM_PID_FILE"; then
      log_tails
      stop_processes
      die "a Flink process exited during start-up (logs above, full logs in $LOG_DIR)."
    fi
    taskmanagers="$(curl -sf --max-time 2 "$REST_URL/overview" | jq -r '.taskmanagers' 2>/dev/null || true)"
    if [[ "$taskmanagers" =~ ^[0-9]+$ ]] && ((taskmanagers >= 1)); then
      echo "Flink session cluster is up: web UI and REST on $REST_URL (logs in $LOG_DIR)."
      return 0
    fi
    sleep 1
  done
  log_tails
  stop_processes
  die "the cluster did not come up within ${START_TIMEOUT}s (logs above, full logs in $LOG_DIR)."
}

cmd_status() {
  require curl
  require jq
  local running=0 name pid_file
  for name in jobmanager taskmanager; do
    pid_file="$CLUSTER_DIR/$name.pid"
    if pid_alive "$pid_file"; then
      echo "$name: running (pid $(cat "$pid_file"))"
      running=1
    else
      echo "$name: not running"
    fi
  done
  local overview
  if overview="$(curl -sf --max-time 2 "$REST_URL/overview")"; then
    echo "REST $REST_URL/overview:"
    jq . <<<"$overview"
    echo "Jobs:"
    curl -sf --max-time 5 "$REST_URL/jobs/overview" \
      | jq -r '.jobs[] | "  \(.jid)  \(.state)  \(.name)"'
  else
    echo "REST $REST_URL: no answer"
    ((running)) || return 3
  fi
}

cmd_submit() {
  require curl
  require jq
  local savepoint="" allow_non_restored=false
  while [[ $# -gt 0 ]]; do
    case "$1" in
      --savepoint)
        [[ $# -ge 2 && -n "$2" ]] || { usage; die "--savepoint needs a path."; }
        savepoint="$2"
        shift 2
        ;;
      --allow-non-restored-state)
        allow_non_restored=true
        shift
        ;;
      --)
        shift
        break
        ;;
      *) break ;;
    esac
  done
  if [[ "$allow_non_restored" == true && -z "$savepoint" ]]; then
    die "--allow-non-restored-state only makes sense with --savepoint."
  fi
  [[ -f "$JAR" ]] || die "no job jar at $JAR; run 'mvn clean package' first."
  rest_answers || die "no cluster answers on $REST_URL; run '$0 start' first."

  local upload jar_id body response job_id
  upload="$(curl -sS --fail-with-body -X POST -F "jarfile=@$JAR" "$REST_URL/jars/upload")" \
    || die "jar upload failed: $upload"
  # The upload answers with the stored file's path; its base name is the jar id.
  jar_id="$(jq -r '.filename' <<<"$upload" | xargs basename)"
  [[ -n "$jar_id" && "$jar_id" != null ]] || die "unexpected upload answer: $upload"

  # programArgsList keeps each flag and value as one argument whatever spaces or quotes they contain. One jq call
  # per argument because jq 1.6's --args would read a job flag like --source as its own option.
  local args_json='[]' arg
  for arg in "$@"; do
    args_json="$(jq -c --arg arg "$arg" '. + [$arg]' <<<"$args_json")"
  done
  body="$(jq -n --arg entry "$ENTRY_CLASS" --arg savepoint "$savepoint" \
    --argjson allow "$allow_non_restored" --argjson args "$args_json" \
    '{entryClass: $entry, programArgsList: $args}
      + (if $savepoint == "" then {} else {savepointPath: $savepoint, allowNonRestoredState: $allow} end)')"
  response="$(curl -sS --fail-with-body -X POST -H 'Content-Type: application/json' -d "$body" \
    "$REST_URL/jars/$jar_id/run")" || die "job submission failed: $response"
  job_id="$(jq -r '.jobid // empty' <<<"$response")"
  [[ -n "$job_id" ]] || die "unexpected run answer: $response"
  echo "$job_id"
}

# Cancels every job that is not finished yet, so a restarted cluster does not leave half-written state behind.
# A job that must keep its state is stopped with a savepoint first (docs/deployment.md, "Upgrades").
cancel_jobs() {
  local jobs job deadline
  jobs="$(curl -sf --max-time 5 "$REST_URL/jobs/overview" \
    | jq -r '.jobs[] | select(.state | IN("FINISHED", "CANCELED", "FAILED") | not) | .jid')" || return 0
  [[ -n "$jobs" ]] || return 0
  for job in $jobs; do
    echo "Cancelling job $job"
    curl -sf -o /dev/null -X PATCH "$REST_URL/jobs/$job?mode=cancel" || echo "could not cancel $job" >&2
  done
  deadline=$((SECONDS + STOP_TIMEOUT))
  for job in $jobs; do
    while ((SECONDS < deadline)); do
      case "$(curl -sf --max-time 2 "$REST_URL/jobs/$job" | jq -r '.state' 2>/dev/null || echo GONE)" in
        CANCELED | FINISHED | FAILED | GONE) break ;;
      esac
      sleep 1
    done
  done
}

# SIGTERM lets each process run its shutdown hooks (the job manager cleans up its blob store and REST files);
# SIGKILL only when it does not exit in time.
stop_process() {
  local name="$1" pid_file="$CLUSTER_DIR/$1.pid" pid deadline
  if ! pid_alive "$pid_file"; then
    rm -f "$pid_file"
    return 0
  fi
  pid="$(cat "$pid_file")"
  echo "Stopping $name (pid $pid)"
  kill "$pid" 2>/dev/null || true
  deadline=$((SECONDS + STOP_TIMEOUT))
  while kill -0 "$pid" 2>/dev/null && ((SECONDS < deadline)); do
    sleep 0.5
  done
  if kill -0 "$pid" 2>/dev/null; then
    echo "$name did not exit within ${STOP_TIMEOUT}s; killing it." >&2
    kill -9 "$pid" 2>/dev/null || true
  fi
  rm -f "$pid_file"
}

stop_processes() {
  stop_process taskmanager
  stop_process jobmanager
}

cmd_stop() {
  require curl
  require jq
  if ! pid_alive "$JM_PID_FILE" && ! pid_alive "$TM_PID_FILE"; then
    rm -f "$JM_PID_FILE" "$TM_PID_FILE"
    echo "Local cluster is not running."
    return 0
  fi
  if pid_alive "$JM_PID_FILE" && rest_answers; then
    cancel_jobs
  fi
  stop_processes
  echo "Local cluster stopped."
}

if [[ $# -lt 1 ]]; then
  usage
  exit 2
fi
command="$1"
shift
case "$command" in
  start | stop | status)
    if [[ $# -ne 0 ]]; then
      usage
      exit 2
    fi
    "cmd_$command"
    ;;
  submit) cmd_submit "$@" ;;
  -h | --help | help) usage ;;
  *)
    echo "Unknown command: $command" >&2
    usage
    exit 2
    ;;
esac

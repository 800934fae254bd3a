#!/usr/bin/env bash
# Deploys the job to Amazon Managed Service for Apache Flink with the AWS CLI: uploads the jar to S3, creates the
# application (or updates it, taking a snapshot of a running one), then starts it.
# With --dry-run it prints every aws command instead of running it and needs no AWS account.
set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

usage() {
  cat >&2 <<EOF
Usage: $0 --application NAME --bucket BUCKET --key KEY --role-arn ARN --region REGION --properties FILE
          [--jar FILE] [--parallelism N] [--parallelism-per-kpu N] [--autoscaling true|false]
          [--log-group NAME] [--log-stream NAME] [--dry-run [--assume-exists VERSION_ID]]

  --application          application name
  --bucket, --key        where the jar is uploaded (s3://BUCKET/KEY)
  --role-arn             service execution role (policy: deploy/msf/iam-policy.json)
  --region               AWS region
  --properties           runtime properties, property-group JSON (deploy/msf/application_properties.example.json)
  --jar                  default: target/connect-agent-analytics-1.0.0-SNAPSHOT.jar
  --parallelism          default 2
  --parallelism-per-kpu  default 1
  --autoscaling          default false: parallelism stays where it was set
  --log-group            default /aws/kinesis-analytics/NAME
  --log-stream           default kinesis-analytics-log-stream
  --dry-run              print the aws commands instead of running them
  --assume-exists ID     dry run only: show the update path for an application at version ID
EOF
}

bad_usage() {
  echo "deploy-msf: $*" >&2
  usage
  exit 2
}

die() {
  echo "deploy-msf: $*" >&2
  exit 1
}

application="" bucket="" key="" role_arn="" region="" properties=""
jar="$REPO_ROOT/target/connect-agent-analytics-1.0.0-SNAPSHOT.jar"
parallelism=2 parallelism_per_kpu=1 autoscaling=false
log_group="" log_stream="kinesis-analytics-log-stream"
dry_run=false assume_exists=""

while [[ $# -gt 0 ]]; do
  case "$1" in
    -h | --help)
      usage
      exit 0
      ;;
    --dry-run)
      dry_run=true
      shift
      continue
      ;;
    --application | --bucket | --key | --role-arn | --region | --properties | --jar | --parallelism | \
      --parallelism-per-kpu | --autoscaling | --log-group | --log-stream | --assume-exists)
      [[ $# -ge 2 && -n "$2" ]] || bad_usage "$1 needs a value."
      ;;
    *) bad_usage "unknown argument: $1" ;;
  esac
  case "$1" in
    --application) application="$2" ;;
    --bucket) bucket="$2" ;;
    --key) key="$2" ;;
    --role-arn) role_arn="$2" ;;
    --region) region="$2" ;;
    --properties) properties="$2" ;;
    --jar) jar="$2" ;;
    --parallelism) parallelism="$2" ;;
    --parallelism-per-kpu) parallelism_per_kpu="$2" ;;
    --autoscaling) autoscaling="$2" ;;
    --log-group) log_group="$2" ;;
    --log-stream) log_stream="$2" ;;
    --assume-exists) assume_exists="$2" ;;
  esac
  shift 2
done

for required in application bucket key role_arn region properties; do
  [[ -n "${!required}" ]] || bad_usage "--${required//_/-} is required."
done
[[ "$parallelism" =~ ^[1-9][0-9]*$ ]] || bad_usage "--parallelism must be a positive integer."
[[ "$parallelism_per_kpu" =~ ^[1-9][0-9]*$ ]] || bad_usage "--parallelism-per-kpu must be a positive integer."
[[ "$autoscaling" == true || "$autoscaling" == false ]] || bad_usage "--autoscaling must be true or false."
[[ -z "$assume_exists" || "$dry_run" == true ]] || bad_usage "--assume-exists only applies to --dry-run."
[[ -z "$assume_exists" || "$assume_exists" =~ ^[0-9]+$ ]] || bad_usage "--assume-exists needs a version id (a number)."
# The account id for the log stream ARN comes from the role ARN: arn:aws:iam::ACCOUNT:role/NAME.
account_id="$(cut -d: -f5 <<<"$role_arn")"
[[ "$role_arn" == arn:aws*:iam::*:role/* && "$account_id" =~ ^[0-9]{12}$ ]] \
  || bad_usage "--role-arn must look like arn:aws:iam::123456789012:role/NAME."
log_group="${log_group:-/aws/kinesis-analytics/$application}"

command -v jq >/dev/null 2>&1 || die "'jq' is needed but not on PATH."
[[ -f "$properties" ]] || die "no properties file at $properties."
# The file is exactly the PropertyGroups list of the API (and what the job reads from
# /etc/flink/application_properties.json), so it is passed through after a shape check.
property_groups="$(jq -c '.' "$properties")" || die "$properties is not valid JSON."
jq -e 'type == "array" and all(.[]; (.PropertyGroupId | type == "string")
  and (.PropertyMap | type == "object") and all(.PropertyMap[]; type == "string"))' \
  <<<"$property_groups" >/dev/null \
  || die "$properties must be [{\"PropertyGroupId\": \"...\", \"PropertyMap\": {\"key\": \"string\", ...}}, ...]."
if [[ "$dry_run" == false ]]; then
  command -v aws >/dev/null 2>&1 || die "the AWS CLI ('aws') is needed; or use --dry-run."
  [[ -f "$jar" ]] || die "no job jar at $jar; run 'mvn clean package' first."
fi

# Prints a command so that it can be pasted into a shell: words that need it are single-quoted.
print_command() {
  local word out=""
  for word in "$@"; do
    if [[ "$word" =~ ^[A-Za-z0-9_./:=@,+-]+$ ]]; then
      out+="$word "
    else
      out+="'${word//\'/\'\\\'\'}' "
    fi
  done
  echo "${out% }"
}

# Runs a command, or prints it in a dry run.
run() {
  if [[ "$dry_run" == true ]]; then
    print_command "$@"
  else
    echo "+ $(print_command "$@")" >&2
    "$@"
  fi
}

bucket_arn="arn:aws:s3:::$bucket"
log_stream_arn="arn:aws:logs:$region:$account_id:log-group:$log_group:log-stream:$log_stream"

# Every key below has the same meaning on create (X) and update (XUpdate); both are built from these values.
checkpoint_interval_ms=60000
min_pause_ms=5000
# OPERATOR: one metric per operator in CloudWatch, enough to see where records go without per-subtask costs.
metrics_level=OPERATOR
log_level=INFO

create_configuration() {
  jq -cn --arg bucket_arn "$bucket_arn" --arg key "$key" --argjson groups "$property_groups" \
    --argjson interval "$checkpoint_interval_ms" --argjson min_pause "$min_pause_ms" \
    --argjson parallelism "$parallelism" --argjson per_kpu "$parallelism_per_kpu" \
    --argjson autoscaling "$autoscaling" --arg metrics_level "$metrics_level" --arg log_level "$log_level" '{
      ApplicationCodeConfiguration: {
        CodeContent: {S3ContentLocation: {BucketARN: $bucket_arn, FileKey: $key}},
        CodeContentType: "ZIPFILE"
      },
      EnvironmentProperties: {PropertyGroups: $groups},
      FlinkApplicationConfiguration: {
        CheckpointConfiguration: {ConfigurationType: "CUSTOM", CheckpointingEnabled: true,
          CheckpointInterval: $interval, MinPauseBetweenCheckpoints: $min_pause},
        MonitoringConfiguration: {ConfigurationType: "CUSTOM", MetricsLevel: $metrics_level, LogLevel: $log_level},
        ParallelismConfiguration: {ConfigurationType: "CUSTOM", Parallelism: $parallelism,
          ParallelismPerKPU: $per_kpu, AutoScalingEnabled: $autoscaling}
      },
      ApplicationSnapshotConfiguration: {SnapshotsEnabled: true}
    }'
}

update_configuration() {
  jq -cn --arg bucket_arn "$bucket_arn" --arg key "$key" --argjson groups "$property_groups" \
    --argjson interval "$checkpoint_interval_ms" --argjson min_pause "$min_pause_ms" \
    --argjson parallelism "$parallelism" --argjson per_kpu "$parallelism_per_kpu" \
    --argjson autoscaling "$autoscaling" --arg metrics_level "$metrics_level" --arg log_level "$log_level" '{
      ApplicationCodeConfigurationUpdate: {
        CodeContentUpdate: {S3ContentLocationUpdate: {BucketARNUpdate: $bucket_arn, FileKeyUpdate: $key}},
        CodeContentTypeUpdate: "ZIPFILE"
      },
      EnvironmentPropertyUpdates: {PropertyGroups: $groups},
      FlinkApplicationConfigurationUpdate: {
        CheckpointConfigurationUpdate: {ConfigurationTypeUpdate: "CUSTOM", CheckpointingEnabledUpdate: true,
          CheckpointIntervalUpdate: $interval, MinPauseBetweenCheckpointsUpdate: $min_pause},
        MonitoringConfigurationUpdate: {ConfigurationTypeUpdate: "CUSTOM", MetricsLevelUpdate: $metrics_level,
          LogLevelUpdate: $log_level},
        ParallelismConfigurationUpdate: {ConfigurationTypeUpdate: "CUSTOM", ParallelismUpdate: $parallelism,
          ParallelismPerKPUUpdate: $per_kpu, AutoScalingEnabledUpdate: $autoscaling}
      },
      ApplicationSnapshotConfigurationUpdate: {SnapshotsEnabledUpdate: true}
    }'
}

# Prints the application's details, or nothing when it does not exist.
describe_application() {
  local output
  if output="$(aws kinesisanalyticsv2 describe-application --application-name "$application" \
    --region "$region" --output json 2>&1)"; then
    echo "$output"
  elif grep -q ResourceNotFoundException <<<"$output"; then
    return 0
  else
    die "describe-application failed: $output"
  fi
}

application_status() {
  describe_application | jq -r '.ApplicationDetail.ApplicationStatus // empty'
}

# Creating or updating is asynchronous; start-application is refused until the application has settled.
wait_until_settled() {
  local deadline=$((SECONDS + 600)) status
  while ((SECONDS < deadline)); do
    status="$(application_status)"
    case "$status" in
      READY | RUNNING)
        echo "$status"
        return 0
        ;;
    esac
    echo "Application status: ${status:-unknown}; waiting..." >&2
    sleep 10
  done
  die "the application did not become READY or RUNNING within 10 minutes."
}

# Log group and stream must exist before the application refers to them; "already exists" is fine.
ensure_log_stream() {
  local output
  if [[ "$dry_run" == true ]]; then
    run aws logs create-log-group --log-group-name "$log_group" --region "$region"
    run aws logs create-log-stream --log-group-name "$log_group" --log-stream-name "$log_stream" --region "$region"
    return 0
  fi
  output="$(run aws logs create-log-group --log-group-name "$log_group" --region "$region" 2>&1)" \
    || grep -q ResourceAlreadyExistsException <<<"$output" || die "create-log-group failed: $output"
  output="$(run aws logs create-log-stream --log-group-name "$log_group" --log-stream-name "$log_stream" \
    --region "$region" 2>&1)" \
    || grep -q ResourceAlreadyExistsException <<<"$output" || die "create-log-stream failed: $output"
}

start_application() {
  local restore_type="$1"
  run aws kinesisanalyticsv2 start-application --application-name "$application" --region "$region" \
    --run-configuration "$(jq -cn --arg restore "$restore_type" '{
      FlinkRunConfiguration: {AllowNonRestoredState: false},
      ApplicationRestoreConfiguration: {ApplicationRestoreType: $restore}
    }')"
}

# 1. The code. Managed Flink reads the jar from S3 whenever the application (re)starts.
run aws s3 cp "$jar" "s3://$bucket/$key" --region "$region"

# 2. Create or update.
version_id=""
if [[ "$dry_run" == true ]]; then
  print_command aws kinesisanalyticsv2 describe-application --application-name "$application" --region "$region"
  version_id="$assume_exists"
else
  version_id="$(describe_application | jq -r '.ApplicationDetail.ApplicationVersionId // empty')"
fi

if [[ -z "$version_id" ]]; then
  ensure_log_stream
  run aws kinesisanalyticsv2 create-application --application-name "$application" \
    --runtime-environment FLINK-1_19 --service-execution-role "$role_arn" \
    --application-configuration "$(create_configuration)" \
    --cloud-watch-logging-options "$(jq -cn --arg arn "$log_stream_arn" '[{LogStreamARN: $arn}]')" \
    --region "$region"
  # A new application has no snapshot to restore.
  restore_type=SKIP_RESTORE_FROM_SNAPSHOT
else
  # The version id makes the update fail instead of overwriting a change made since describe-application.
  # A RUNNING application takes a snapshot (snapshots are enabled) and restarts from it with the new code.
  run aws kinesisanalyticsv2 update-application --application-name "$application" \
    --current-application-version-id "$version_id" \
    --service-execution-role-update "$role_arn" \
    --application-configuration-update "$(update_configuration)" \
    --region "$region"
  restore_type=RESTORE_FROM_LATEST_SNAPSHOT
fi

# 3. Start it when it is not running yet (a running application was restarted by the update itself).
if [[ "$dry_run" == true ]]; then
  start_application "$restore_type"
elif [[ "$(wait_until_settled)" == READY ]]; then
  start_application "$restore_type"
  echo "Started $application; follow it with: aws kinesisanalyticsv2 describe-application" \
    "--application-name $application --region $region" >&2
else
  echo "$application is RUNNING with the new configuration." >&2
fi

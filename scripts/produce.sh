#!/usr/bin/env bash
# Sends Amazon Connect agent events to a Kinesis stream with PutRecords: simulated ones, or a JSON-lines file.
#
#   scripts/produce.sh --stream agent-events --endpoint http://127.0.0.1:4568 --rate 200 [--simulator.agents 200 ...]
#   scripts/produce.sh --stream agent-events --file events.jsonl.gz [--rate 0] [--region eu-west-1]
#
# Without --endpoint it sends to AWS with the default credentials chain. Details: docs/kinesis.md.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$here/lib/java-env.sh"
run_java dev.agentanalytics.kinesis.KinesisProducerCli "$@"

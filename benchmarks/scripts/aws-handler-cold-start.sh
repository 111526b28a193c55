#!/usr/bin/env bash
# Cold start of the Java Lambda handlers: a fresh JVM running ONE handler invocation
# (cirrus.aws.runner.InvokeHandler) against moto_server, repeated; prints the median wall time per
# handler and the Lambda jar size. Needs python3 with moto 5.2.1 and boto3, and the jar:
#   mvn -B -o -pl cirrus-runtime,cirrus-aws package -DskipTests
# Usage: benchmarks/scripts/aws-handler-cold-start.sh [runs]   (default 10)
#        CDS=1 benchmarks/scripts/aws-handler-cold-start.sh   also measures with an AppCDS archive of the
#        classes the handlers load (dumped by one training invocation per handler)
set -euo pipefail
cd "$(dirname "$0")/../.."
RUNS="${1:-10}"
JAR=cirrus-aws/target/cirrus-aws-lambda.jar
LAUNCHER=cirrus-aws/src/test/resources/cirrus/aws/moto/moto_launcher.py
[ -f "$JAR" ] || { echo "missing $JAR: run mvn package for cirrus-aws first" >&2; exit 1; }
JAVA_OPTS=(-XX:+UseSerialGC -XX:TieredStopAtLevel=1)   # what the Lambda Java runtime uses by default
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
WORK=$(mktemp -d)
export AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test AWS_REGION=us-east-1 AWS_DEFAULT_REGION=us-east-1
MOTO_PORT=$PORT python3 "$LAUNCHER" -H 127.0.0.1 -p "$PORT" > "$WORK/moto.log" 2>&1 &
MOTO_PID=$!
trap 'kill $MOTO_PID 2>/dev/null || true; rm -rf "$WORK"' EXIT
for _ in $(seq 1 100); do curl -s -o /dev/null "http://127.0.0.1:$PORT/moto-api/config" && break; sleep 0.1; done
curl -s -X POST -H 'Content-Type: application/json' \
  -d '{"batch":{"use_docker":false},"lambda":{"use_docker":false},"stepfunctions":{"execute_state_machine":true}}' \
  "http://127.0.0.1:$PORT/moto-api/config" > /dev/null
export AWS_ENDPOINT_URL="http://127.0.0.1:$PORT"
python3 - "$WORK" <<'PY'
import boto3, json, sys
work = sys.argv[1]
kw = dict(endpoint_url=__import__("os").environ["AWS_ENDPOINT_URL"], region_name="us-east-1")
ddb = boto3.client("dynamodb", **kw)
ddb.create_table(TableName="bench-state", BillingMode="PAY_PER_REQUEST",
  AttributeDefinitions=[{"AttributeName": n, "AttributeType": "S"} for n in ("collections_workflow", "itemids", "state_updated", "updated")],
  KeySchema=[{"AttributeName": "collections_workflow", "KeyType": "HASH"}, {"AttributeName": "itemids", "KeyType": "RANGE"}],
  GlobalSecondaryIndexes=[{"IndexName": i, "KeySchema": [{"AttributeName": "collections_workflow", "KeyType": "HASH"}, {"AttributeName": i, "KeyType": "RANGE"}], "Projection": {"ProjectionType": "ALL"}} for i in ("state_updated", "updated")])
boto3.client("s3", **kw).create_bucket(Bucket="bench-payloads")
q = boto3.client("sqs", **kw).create_queue(QueueName="bench-process")["QueueUrl"]
t = boto3.client("sns", **kw).create_topic(Name="bench-workflow-event")["TopicArn"]
boto3.client("stepfunctions", **kw).create_state_machine(name="bench-wf", roleArn="arn:aws:iam::123456789012:role/x",
  definition=json.dumps({"StartAt": "A", "States": {"A": {"Type": "Pass", "End": True}}}))
open(f"{work}/env", "w").write(f"export CIRRUS_PROCESS_QUEUE_URL={q}\nexport CIRRUS_WORKFLOW_EVENT_TOPIC_ARN={t}\n")
PY
# shellcheck disable=SC1091
source "$WORK/env"
export CIRRUS_STATE_DB=bench-state CIRRUS_PAYLOAD_BUCKET=bench-payloads CIRRUS_DATA_BUCKET=bench-payloads
export CIRRUS_BASE_WORKFLOW_ARN="arn:aws:states:us-east-1:123456789012:stateMachine:bench-"

payload() {  # a new item id per run, so that every process invocation claims and starts
  printf '{"type":"FeatureCollection","features":[{"type":"Feature","id":"item-%s","collection":"c","properties":{"datetime":"2020-01-01T00:00:00Z"},"links":[],"assets":{}}],"process":{"workflow":"wf","upload_options":{"path_template":"${collection}/${id}"},"tasks":{}}}' "$1"
}
measure() {  # handler, event-generator
  local handler=$1 gen=$2 times=()
  for i in $(seq 1 "$RUNS"); do
    local event; event=$($gen "$i")
    local t0; t0=$(date +%s%N)
    echo "$event" | java "${JAVA_OPTS[@]}" -cp "$JAR" cirrus.aws.runner.InvokeHandler "$handler" > "$WORK/out" 2>>"$WORK/err" \
      || { echo "$handler failed: $(cat "$WORK/out")" >&2; exit 1; }
    times+=($(( ($(date +%s%N) - t0) / 1000000 )))
  done
  printf '%s\n' "${times[@]}" | sort -n | awk -v h="$handler" '{a[NR]=$1} END {printf "%-20s median %5d ms  min %5d ms  max %5d ms  (%d runs)\n", h, a[int((NR+1)/2)], a[1], a[NR], NR}'
}
process_event() { payload "$1"; }
api_event() { echo '{"path": "/c/workflow-wf", "requestContext": {}}'; }
prebatch_event() { payload "$1" | sed 's/^{/{"id":"c\/workflow-wf\/item-'"$1"'",/'; }
echo "lambda jar: $(stat -c %s "$JAR") bytes; java: $(java -version 2>&1 | head -1)"
measure ProcessHandler process_event
measure ApiHandler api_event
measure PreBatchHandler prebatch_event
if [ "${CDS:-0}" = 1 ]; then
  # one training run loading the classes of all three handlers, then the same measurements with the archive
  CLASSES="$WORK/classes.lst"
  for h in ProcessHandler ApiHandler PreBatchHandler; do
    case $h in ProcessHandler) e=$(process_event 1000);; ApiHandler) e=$(api_event 0);; *) e=$(prebatch_event 1001);; esac
    echo "$e" | java -XX:DumpLoadedClassList="$WORK/$h.lst" -cp "$JAR" cirrus.aws.runner.InvokeHandler "$h" > /dev/null 2>>"$WORK/err"
  done
  cat "$WORK"/*Handler.lst | sort -u > "$CLASSES"
  java -Xshare:dump -XX:SharedClassListFile="$CLASSES" -XX:SharedArchiveFile="$WORK/lambda.jsa" -cp "$JAR" > /dev/null 2>&1
  JAVA_OPTS+=(-XX:SharedArchiveFile="$WORK/lambda.jsa")
  echo "with AppCDS ($(wc -l < "$CLASSES") classes archived):"
  RUNS_OFFSET=2000
  process_event_cds() { payload "$((RUNS_OFFSET + $1))"; }
  prebatch_event_cds() { prebatch_event "$((RUNS_OFFSET + $1))"; }
  measure ProcessHandler process_event_cds
  measure ApiHandler api_event
  measure PreBatchHandler prebatch_event_cds
fi

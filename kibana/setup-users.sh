#!/usr/bin/env bash
# One shot in the compose stack: waits for Elasticsearch, then sets the password of the built-in
# kibana_system user (Kibana connects as it). Credentials go to curl on stdin: never on a command
# line, never printed.
set -euo pipefail
: "${ELASTIC_PASSWORD:?}" "${KIBANA_SYSTEM_PASSWORD:?}"
ES_URL="${ES_URL:-http://elasticsearch:9200}"
escape() { printf '%s' "$1" | sed 's/[\\"]/\\&/g'; }
json_escape() { escape "$1"; }
auth() { printf 'user = "elastic:%s"\n' "$(escape "$ELASTIC_PASSWORD")"; }

until auth | curl -K - -fsS -o /dev/null "$ES_URL/_cluster/health?wait_for_status=yellow&timeout=5s"; do
  echo "setup-users.sh: waiting for Elasticsearch" >&2
  sleep 5
done
{
  auth
  printf 'data = "{\\"password\\":\\"%s\\"}"\n' "$(escape "$(json_escape "$KIBANA_SYSTEM_PASSWORD")")"
} | curl -K - -fsS -o /dev/null -X POST -H 'Content-Type: application/json' \
  "$ES_URL/_security/user/kibana_system/_password"
echo "setup-users.sh: kibana_system password set" >&2

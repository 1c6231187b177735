#!/usr/bin/env bash
# Imports kibana/saved-objects/mallrank.ndjson into Kibana, overwriting objects with the same ids
# (the ids are stable, so re-running is the way to update).
#
#   KIBANA_URL            Kibana base URL                        (default http://localhost:5601)
#   KIBANA_SPACE          a space id, empty for the default space
#   KIBANA_USERNAME       with KIBANA_PASSWORD: basic auth       (optional)
#   KIBANA_API_KEY        an encoded API key instead             (optional)
#   KIBANA_WAIT_SECONDS   wait this long for Kibana to be available (default 0)
#
# Credentials go to curl on stdin (-K -): never echoed, never on a command line.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
NDJSON="${NDJSON:-$HERE/saved-objects/mallrank.ndjson}"
KIBANA_URL="${KIBANA_URL:-http://localhost:5601}"
KIBANA_URL="${KIBANA_URL%/}"
SPACE_PATH="${KIBANA_SPACE:+/s/$KIBANA_SPACE}"

log() { printf 'import.sh: %s\n' "$*" >&2; }

# curl config lines for the credentials; quotes and backslashes escaped for curl's config syntax.
curl_auth_config() {
  local escape='s/[\\"]/\\&/g'
  if [[ -n "${KIBANA_API_KEY:-}" ]]; then
    printf 'header = "Authorization: ApiKey %s"\n' "$(printf '%s' "$KIBANA_API_KEY" | sed "$escape")"
  elif [[ -n "${KIBANA_USERNAME:-}" ]]; then
    printf 'user = "%s:%s"\n' "$(printf '%s' "$KIBANA_USERNAME" | sed "$escape")" \
      "$(printf '%s' "${KIBANA_PASSWORD:-}" | sed "$escape")"
  fi
}

kibana_curl() {
  curl_auth_config | curl -K - -sS -H 'kbn-xsrf: mallrank' "$@"
}

wait_for_kibana() {
  local deadline=$((SECONDS + ${KIBANA_WAIT_SECONDS:-0}))
  until [[ "$(kibana_curl -o /dev/null -w '%{http_code}' "$KIBANA_URL/api/status" 2>/dev/null)" == 200 ]]; do
    if ((SECONDS >= deadline)); then
      [[ "${KIBANA_WAIT_SECONDS:-0}" == 0 ]] && return 0 # no wait asked: let the import report it
      log "Kibana at $KIBANA_URL not available after ${KIBANA_WAIT_SECONDS}s"
      exit 1
    fi
    sleep 5
  done
}

main() {
  [[ -f "$NDJSON" ]] || {
    log "no such file: $NDJSON"
    exit 1
  }
  wait_for_kibana
  log "importing $(grep -c . "$NDJSON") saved objects into $KIBANA_URL${SPACE_PATH}"
  local status
  BODY="$(mktemp)"
  trap 'rm -f "$BODY"' EXIT
  status="$(kibana_curl -o "$BODY" -w '%{http_code}' -X POST \
    "$KIBANA_URL$SPACE_PATH/api/saved_objects/_import?overwrite=true" \
    --form "file=@$NDJSON")" || {
    log "could not reach Kibana at $KIBANA_URL"
    exit 1
  }
  if [[ "$status" != 200 ]] || ! grep -Eq '"success" *: *true' "$BODY"; then
    log "import failed (HTTP $status):"
    cat "$BODY" >&2
    echo >&2
    exit 1
  fi
  log "done: $(grep -Eo '"successCount" *: *[0-9]+' "$BODY" | grep -Eo '[0-9]+$') objects imported"
  dashboard_urls <"$BODY"
}

# One "open URL" line per imported dashboard, with the id Kibana gave it: the import response's
# destinationId when Kibana created the object under a new id (e.g. a copy in another space),
# else its own id. Reads the import response on stdin.
dashboard_urls() {
  local entry id destination
  tr -d '\n' |
    grep -Eo '\{"type" *: *"dashboard" *, *"id" *: *"[^"]*"( *, *"meta" *: *\{[^{}]*\})?( *, *"[A-Za-z]+" *: *("[^"]*"|true|false))*\}' |
    while IFS= read -r entry; do
      id="$(printf '%s' "$entry" | sed -E 's/^\{"type" *: *"dashboard" *, *"id" *: *"([^"]*)".*/\1/')"
      destination="$(printf '%s' "$entry" | sed -nE 's/.*"destinationId" *: *"([^"]*)".*/\1/p')"
      log "open $KIBANA_URL$SPACE_PATH/app/dashboards#/view/${destination:-$id}"
    done
}

# Sourcing the script (for its test) defines the functions without running anything.
if [[ "${BASH_SOURCE[0]}" == "$0" ]]; then
  main "$@"
fi

#!/usr/bin/env bash
# One shot in both compose stacks: mallrank's file-realm security for the Elasticsearch nodes,
# written into the es-security volume that every node reads at start (es-start.sh). The file realm
# is the one security both the official image and the test distribution (the integ-test-zip) share:
# roles from roles.yml (mallrank es roles --format=yml; SecurityFilesTest keeps it current), users
# added with bin/elasticsearch-users, which hashes the passwords (bcrypt). Users (role):
#   mallrank_writer (mallrank_writer)                  sampling: the app and the workers
#   mallrank_reader (mallrank_reader)                  reports and look-ups: the app and the workers
#   mallrank_admin (mallrank_admin)                    templates, retention: the app, the manager
#   mallrank_kibana_import (mallrank_kibana_objects)   the saved-object import (kibana-import)
#   mallrank_viewer (mallrank_reader)                  people: log into Kibana as it to read dashboards
# Passwords come from the environment (.env); a password is on elasticsearch-users' command line
# in this container only and is never printed. Re-running replaces the files (new passwords too);
# the nodes read them when they start.
#
#   ES_HOME         the Elasticsearch home            (default /usr/share/elasticsearch)
#   ROLES_YML       the roles file                    (default /mallrank/roles.yml)
#   OUT             where users, users_roles, roles.yml go (default /mallrank-security)
#   OWNER           chown of the files, e.g. 1000:0   (default: unchanged)
set -euo pipefail
: "${MALLRANK_WRITER_PASSWORD:?}" "${MALLRANK_READER_PASSWORD:?}" "${MALLRANK_ADMIN_PASSWORD:?}"
: "${KIBANA_IMPORT_PASSWORD:?}" "${MALLRANK_VIEWER_PASSWORD:?}"
ES_HOME="${ES_HOME:-/usr/share/elasticsearch}"
ROLES_YML="${ROLES_YML:-/mallrank/roles.yml}"
OUT="${OUT:-/mallrank-security}"

CONF="$(mktemp -d)"
trap 'rm -rf "$CONF"' EXIT
# elasticsearch-users reads the node's config directory and adds to files it refuses to create
cp -R "$ES_HOME/config/." "$CONF/"
cp "$ROLES_YML" "$CONF/roles.yml"
: >"$CONF/users"
: >"$CONF/users_roles"

add() { # user role password-variable
  local password="${!3}"
  if ((${#password} < 6)); then
    echo "es-users.sh: $3 is shorter than 6 characters (the file realm's minimum)" >&2
    exit 1
  fi
  ES_PATH_CONF="$CONF" "$ES_HOME/bin/elasticsearch-users" useradd "$1" -p "$password" -r "$2" \
    >/dev/null
}
add mallrank_writer mallrank_writer MALLRANK_WRITER_PASSWORD
add mallrank_reader mallrank_reader MALLRANK_READER_PASSWORD
add mallrank_admin mallrank_admin MALLRANK_ADMIN_PASSWORD
add mallrank_kibana_import mallrank_kibana_objects KIBANA_IMPORT_PASSWORD
add mallrank_viewer mallrank_reader MALLRANK_VIEWER_PASSWORD

mkdir -p "$OUT"
for file in roles.yml users users_roles; do
  cp "$CONF/$file" "$OUT/$file.tmp"
  chmod 640 "$OUT/$file.tmp"
  [[ -n "${OWNER:-}" ]] && chown "$OWNER" "$OUT/$file.tmp"
  mv "$OUT/$file.tmp" "$OUT/$file"
done
echo "es-users.sh: file realm written: $(cut -d: -f1 "$OUT/users" | tr '\n' ' ')" >&2

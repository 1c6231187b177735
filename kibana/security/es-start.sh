#!/usr/bin/env bash
# The entrypoint of every Elasticsearch node in the compose stacks: puts mallrank's file realm
# (roles.yml, users, users_roles from the es-security volume, written by es-users.sh) into the
# node's config directory, then starts the node as the official image does (its ENTRYPOINT and
# CMD: tini, docker-entrypoint.sh, eswrapper). The file realm is on by default next to the native
# realm that holds the built-in users (elastic, kibana_system).
set -euo pipefail
CONFIG=/usr/share/elasticsearch/config
for file in roles.yml users users_roles; do
  cp "/mallrank-security/$file" "$CONFIG/$file"
done
exec /bin/tini -- /usr/local/bin/docker-entrypoint.sh eswrapper

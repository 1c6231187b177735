#!/usr/bin/env bash
# One shot in deploy/docker-compose.yml: a CA and a transport certificate for each node (es01..es03)
# into /certs, unless they are there already. Runs elasticsearch-certutil from the Elasticsearch
# image; the keys never leave the certs volume.
set -euo pipefail
cd /usr/share/elasticsearch
if [ -f /certs/ca/ca.crt ]; then
  echo "make-certs.sh: certificates exist" >&2
  exit 0
fi
bin/elasticsearch-certutil ca --silent --pem -out /certs/ca.zip
unzip -q /certs/ca.zip -d /certs
printf 'instances:\n' > /certs/instances.yml
for node in es01 es02 es03; do
  printf '  - name: %s\n    dns: [%s, localhost]\n' "$node" "$node" >> /certs/instances.yml
done
bin/elasticsearch-certutil cert --silent --pem --in /certs/instances.yml -out /certs/nodes.zip \
  --ca-cert /certs/ca/ca.crt --ca-key /certs/ca/ca.key
unzip -q /certs/nodes.zip -d /certs
rm /certs/ca.zip /certs/nodes.zip
chown -R 1000:0 /certs
find /certs -type d -exec chmod 750 {} +
find /certs -type f -exec chmod 640 {} +
echo "make-certs.sh: CA and certificates for es01 es02 es03 written" >&2

#!/usr/bin/env bash
# Builds the class-data-sharing archive of the application at package time (batch/pom.xml, phase
# package, after the Spring Boot jar): unpacks target/mallrank.jar into target/cds/ (an
# application jar and lib/, which CDS can map; classes inside nested jars it cannot), then runs
# com.mallrank.batch.cli.CdsTraining once with -XX:ArchiveClassesAtExit, which writes
# target/cds/mallrank.jsa. The ./mallrank launcher runs target/cds/mallrank.jar with that archive
# when both are newer than target/mallrank.jar; the JVM itself refuses an archive of another JDK.
#
# Never fails the build: without CDS (another JVM, a read-only disk, a crash in training) the
# launcher runs target/mallrank.jar as before. Skip it with -Dmallrank.cds.skip=true.
#
# usage: build-archive.sh <target dir> <keyword plan for the training run>
set -uo pipefail

TARGET="$(cd "$1" && pwd -P)"
PLAN="$2"
CDS="$TARGET/cds"
JAVA="java"
command -v java >/dev/null 2>&1 || JAVA="${JAVA_HOME:-}/bin/java"

warn() { echo "[cds] WARNING: $* (./mallrank runs target/mallrank.jar without CDS)"; }

rm -rf "$CDS"
if ! "$JAVA" -Djarmode=tools -jar "$TARGET/mallrank.jar" extract --destination "$CDS" \
  >"$TARGET/cds-extract.log" 2>&1; then
  warn "could not unpack mallrank.jar: see target/cds-extract.log"
  rm -rf "$CDS"
  exit 0
fi
start=$(date +%s)
if ! "$JAVA" -XX:ArchiveClassesAtExit="$CDS/mallrank.jsa" -Xshare:auto -Xlog:cds=off \
  -Xlog:cds+dynamic=off -cp "$CDS/mallrank.jar" com.mallrank.batch.cli.CdsTraining "$PLAN" \
  >"$TARGET/cds-training.log" 2>&1 || [[ ! -s "$CDS/mallrank.jsa" ]]; then
  warn "the training run failed: see target/cds-training.log"
  rm -f "$CDS/mallrank.jsa"
  exit 0
fi
echo "[cds] target/cds/mallrank.jsa: $(du -h "$CDS/mallrank.jsa" | cut -f1), trained in $(($(date +%s) - start)) s"

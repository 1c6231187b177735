#!/usr/bin/env bash
# Builds the class-data-sharing archives of the application at package time (batch/pom.xml, phase
# package, after the Spring Boot jar): unpacks target/mallrank.jar into target/cds/ (an
# application jar and lib/, which CDS can map; classes inside nested jars it cannot), rewrites the
# class files of picocli, built for Java 5, as Java 8 ones, which CDS archives
# (ModernClassFiles.java), then runs com.mallrank.batch.cli.CdsTraining twice with
# -XX:ArchiveClassesAtExit: a command line of each kind (target/cds/mallrank.jsa), and only the
# commands that start without Spring and help (target/cds/plain.jsa: a fifth of the size, so it
# maps faster). The ./mallrank launcher runs target/cds/mallrank.jar with the archive of the
# command when both are newer than target/mallrank.jar; the JVM itself refuses an archive of
# another JDK. Beside them, target/cds/class-path-roots.txt (ClassPathRoots).
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
# A library of Java 5 class files stays out of any archive; rewritten, it is archived. Optional:
# on failure the jars are as extracted.
"$JAVA" -cp "$(ls "$CDS"/lib/spring-core-*.jar | head -1)" "$(dirname "$0")/ModernClassFiles.java" \
  "$CDS/lib" picocli- >"$TARGET/cds-classfiles.log" 2>&1 ||
  echo "[cds] class files left as they are: see target/cds-classfiles.log"
grep '^\[cds\]' "$TARGET/cds-classfiles.log" || true
echo "[cds] class files: $(($(date +%s) - start)) s"
# The first names of every resource on the class path, with each jar's size and time, beside the
# jar (ClassPathRoots): a command without Spring then knows that no jar holds a configuration or
# logging file without opening all of them. Optional: without it the class loader is asked.
"$JAVA" -Xshare:auto -cp "$CDS/mallrank.jar" com.mallrank.batch.config.ClassPathRoots \
  "$CDS/mallrank.jar" >"$TARGET/cds-roots.log" 2>&1 ||
  echo "[cds] no class-path-roots.txt: see target/cds-roots.log"
for archive in mallrank plain; do
  started=$(date +%s)
  mode=all
  [[ "$archive" == plain ]] && mode=plain
  if ! "$JAVA" -XX:ArchiveClassesAtExit="$CDS/$archive.jsa" -Xshare:auto -Xlog:cds=off \
    -Xlog:cds+dynamic=off -cp "$CDS/mallrank.jar" com.mallrank.batch.cli.CdsTraining "$PLAN" "$mode" \
    >"$TARGET/cds-training-$archive.log" 2>&1 || [[ ! -s "$CDS/$archive.jsa" ]]; then
    warn "the training run failed: see target/cds-training-$archive.log"
    rm -f "$CDS/mallrank.jsa" "$CDS/plain.jsa"
    exit 0
  fi
  echo "[cds] target/cds/$archive.jsa: $(du -h "$CDS/$archive.jsa" | cut -f1) in $(($(date +%s) - started)) s"
done
echo "[cds] trained in $(($(date +%s) - start)) s"

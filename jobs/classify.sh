#!/usr/bin/env bash
# Classifies bounce replies: reads a CSV with smtp_code, enhanced_status and diagnostic columns (other
# columns are kept) from FILE or stdin (-) and writes it to stdout with reason, group and rule added.
#   jobs/classify.sh [--rules jobs/classify-rules.txt] [FILE|-]
# Builds the jar first when target/bounce-ledger.jar is missing. JAVA_OPTS is passed to java.
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
jar="$repo_root/target/bounce-ledger.jar"

if [[ ! -f "$jar" ]]; then
    mvn -q -B -DskipTests -f "$repo_root/pom.xml" package
fi

# JAVA_OPTS is split into words on purpose (several options)
# shellcheck disable=SC2086
exec java ${JAVA_OPTS:-} -jar "$jar" classify "$@"

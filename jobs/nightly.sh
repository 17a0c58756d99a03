#!/usr/bin/env bash
# Runs the nightly bounce job for one day. The exit code is the job's (see README, "Exit codes").
#   jobs/nightly.sh [--date YYYY-MM-DD] [--input DIR] [--output DIR] [--state DIR] [--config FILE]
# JAVA_OPTS is passed to the JVM (e.g. JAVA_OPTS=-Xmx512m), after the job's own options (jobs/jvm-options.sh).
set -euo pipefail

jobs_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$jobs_dir")"
config="$jobs_dir/bounce-ledger.properties"
args=()

usage() {
    sed -n '2,4p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
}

absolute() {
    case "$1" in /*) printf '%s' "$1" ;; *) printf '%s/%s' "$PWD" "$1" ;; esac
}

while [ $# -gt 0 ]; do
    case "$1" in
        --date) args+=("runDate=${2:?--date needs YYYY-MM-DD}"); shift 2 ;;
        --input) args+=("--bounce-ledger.input-root=$(absolute "${2:?--input needs a folder}")"); shift 2 ;;
        --output) args+=("--bounce-ledger.output-root=$(absolute "${2:?--output needs a folder}")"); shift 2 ;;
        --state) args+=("--bounce-ledger.state-dir=$(absolute "${2:?--state needs a folder}")"); shift 2 ;;
        --config) config="$(absolute "${2:?--config needs a file}")"; shift 2 ;;
        -h|--help) usage; exit 0 ;;
        *) echo "nightly.sh: unknown option '$1'" >&2; usage >&2; exit 2 ;;
    esac
done

if [ ! -f "$config" ]; then
    echo "nightly.sh: configuration file $config does not exist" >&2
    exit 2
fi

jar="$root/target/bounce-ledger.jar"
if [ ! -f "$jar" ] || [ -n "$(find "$root/src/main" "$root/pom.xml" -newer "$jar" -print -quit)" ]; then
    echo "nightly.sh: building $jar" >&2
    (cd "$root" && mvn -q -B -DskipTests package) >&2
fi

# Relative paths in the configuration are relative to the repository root.
cd "$root"
source "$jobs_dir/jvm-options.sh"
mapfile -t jvm_options < <(job_jvm_options)
exec java "${jvm_options[@]}" -jar "$jar" --spring.config.additional-location="file:$config" "${args[@]}"

#!/usr/bin/env bash
# Runs the nightly job over every bundled sample day under input/, oldest first, as a scheduler would
# night after night. Outputs go to output/<date>/, the state to output/state/.
set -euo pipefail
jobs_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$jobs_dir")"
for day in "$root"/input/*/; do
    date="$(basename "$day")"
    "$jobs_dir/nightly.sh" --date "$date" "$@"
done

#!/usr/bin/env bash
# Regenerates the bundled sample input exactly: 7 consecutive days, 2026-11-16 to 2026-11-22, 3,000
# messages a day from 3 accounts, seed 42, canonical CSV gzipped into input/<date>/ (two files a day);
# then 2026-11-23 as PowerMTA accounting files and 2026-11-24 as Postfix mail logs, each a first day of
# its own (an MTA's message ids are not the canonical ones, so nothing carries over between formats).
# The generator is deterministic: the rows come out identical to the committed ones, and so do the
# gzipped bytes with the same zlib (a different zlib build may compress the same rows differently).
# Extra options are passed on, e.g. --truth output/sample-truth to also write what the days contain.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -f target/bounce-ledger.jar ]; then
    mvn -q -B -DskipTests package
fi
java -jar target/bounce-ledger.jar generate --seed 42 --start 2026-11-16 --days 7 --messages 3000 \
    --accounts 3 --bad-rate 0.001 --format canonical --out input "$@"
java -jar target/bounce-ledger.jar generate --seed 42 --start 2026-11-23 --days 1 --messages 3000 \
    --accounts 3 --bad-rate 0.001 --format powermta --out input "$@"
exec java -jar target/bounce-ledger.jar generate --seed 42 --start 2026-11-24 --days 1 --messages 3000 \
    --accounts 3 --bad-rate 0.001 --format postfix --out input "$@"

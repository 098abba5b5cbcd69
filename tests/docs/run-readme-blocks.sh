#!/usr/bin/env bash
# Runs every shell block of the README's "Using it", "Workspace workflow" and "Reports"
# sections exactly as printed, in a scratch folder laid out like the source tree (samples/
# beside it), with the fairtender just built first on PATH. Any command that fails fails the
# test, naming the block and the line; then the files the blocks say they write must exist.
#
#   tests/docs/run-readme-blocks.sh BIN_DIR SOURCE_DIR
set -euo pipefail
bin="$(realpath "$1")"
source="$(realpath "$2")"
readme="$source/README.md"
work="$(mktemp -d "${TMPDIR:-/tmp}/fairtender-readme.XXXXXX")"
# The PostgreSQL block finds its server as libpq does: PGHOST and PGUSER name a throwaway
# cluster with a database "fairtender".
"$source/tests/support/postgres-cluster.sh" start "$work/postgres.uri"
trap '"$source/tests/support/postgres-cluster.sh" stop "$work/postgres.uri"; rm -rf "$work"' EXIT
PGHOST="$(sed -n 's/.*host=\([^&]*\).*/\1/p' "$work/postgres.uri")"
export PGHOST PGUSER=postgres
ln -s "$source/samples" "$work/samples"
export PATH="$bin:$PATH"
export XDG_CONFIG_HOME="$work/config"

# The sh blocks from "## Using it" up to "## Layout", each into a script of its own.
awk -v out="$work/block" '
    /^## Using it/ { on = 1 }
    /^## Layout/ { on = 0 }
    on && /^```sh$/ { n++; inside = 1; file = sprintf("%s-%d.sh", out, n); next }
    inside && /^```$/ { inside = 0; close(file); next }
    inside { print > file }
' "$readme"
blocks=("$work"/block-*.sh)
[[ -f "${blocks[0]}" ]] || { echo "no shell blocks found in $readme" >&2; exit 1; }
cd "$work"
for block in "${blocks[@]}"; do
    echo "== $(basename "$block")"
    if ! bash -euo pipefail "$block" > "$block.out" 2>&1; then
        echo "README block $(basename "$block") failed; its output:" >&2
        tail -n 30 "$block.out" >&2
        exit 1
    fi
done

# What the blocks say they write.
for written in my-tender/tender.xml scorecard.xlsx meals.ftw award-report.pdf \
    summaries/B1-assessment-summary.pdf summaries/B2-assessment-summary.pdf release.json \
    meals-scorecard.xlsx; do
    [[ -s "$written" ]] || { echo "the README says it writes $written; it is not there" >&2; exit 1; }
done
# What the walkthrough says the commands print.
grep -q "Raj Patel has 20 left at the evaluation stage:" block-2.sh.out
grep -q "Nothing stands in the way of moving to moderation." block-2.sh.out
grep -q "awarded to B1; standstill ends at the end of" block-2.sh.out
grep -q "B2 is now ranked first with 71.40; the award to B1 falls away" block-2.sh.out
grep -q "meals.ftw verified: 99 audit entries chained, 88 stored records match the log" block-2.sh.out
grep -q "   1  B1   Irwell Kitchen Workers' Co-oper.*75.24" block-2.sh.out
grep -q 'Signed in to http://127.0.0.1:8080 as root' block-5.sh.out
grep -q '^http://127.0.0.1:8080 root [A-Za-z0-9_-]\{43\}$' "$XDG_CONFIG_HOME/fairtender/sessions"
echo "every README block ran as printed"

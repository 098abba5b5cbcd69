#!/usr/bin/env bash
# Builds the release preset and runs the workspace benchmarks, then prints each figure
# beside its peer from the same run (plain sqlite3 or libpq inserts for create, plain SHA-256
# of the same bytes for verify) as a ratio, and each PostgreSQL figure beside SQLite's. Usage: tests/bench/run-workspace-benchmarks.sh [flags]
set -euo pipefail
cd "$(dirname "$0")/../.."
cmake --preset release >/dev/null
cmake --build --preset release --target fairtender_workspace_bench
out=$(mktemp)
trap 'rm -f "$out"' EXIT
echo "load average before the run: $(cut -d' ' -f1-3 /proc/loadavg)"
build/release/bin/fairtender_workspace_bench --benchmark_repetitions=3 \
  --benchmark_report_aggregates_only=true --benchmark_out="$out" --benchmark_out_format=json "$@"
/usr/bin/python3 - "$out" <<'PY'
import json, sys
runs = {b["run_name"].split("/")[0]: b for b in json.load(open(sys.argv[1]))["benchmarks"]
        if b.get("aggregate_name") == "median"}
def show(name, peer):
    ours, theirs = runs.get(name), runs.get(peer)
    if not ours or not theirs:
        return
    a, b = ours["real_time"] / 1000, theirs["real_time"] / 1000
    print(f"{name:<28} {a:8.2f} s   peer {peer:<28} {b:8.2f} s   ratio {a / b:6.2f}")
print()
print("median of 3 repetitions, real time")
show("BM_WorkspaceCreate", "BM_PeerSqliteInsert")
show("BM_WorkspaceCreatePostgres", "BM_PeerLibpqInsert")
show("BM_WorkspaceCreatePostgres", "BM_WorkspaceCreate")
show("BM_VerifyLog", "BM_PeerSha256")
show("BM_VerifyLogPostgres", "BM_PeerSha256")
show("BM_VerifyLogPostgres", "BM_VerifyLog")
PY

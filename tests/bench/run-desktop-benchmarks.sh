#!/usr/bin/env bash
# Builds the release preset and runs the desktop benchmarks on the offscreen platform, then
# prints each figure beside its peer from the same run (the engine's evaluate for opening,
# std::sort for sorting, a plain substring scan for filtering) as a ratio. The 10,000-bid
# workspace takes minutes to make; it is kept in build/release/bench-cache and reused.
# Usage: tests/bench/run-desktop-benchmarks.sh [extra google-benchmark flags]
set -euo pipefail
cd "$(dirname "$0")/../.."
cmake --preset release >/dev/null
cmake --build --preset release --target fairtender_desktop_bench
out=$(mktemp)
trap 'rm -f "$out"' EXIT
export QT_QPA_PLATFORM=offscreen
export FAIRTENDER_DESKTOP_BENCH_CACHE="${FAIRTENDER_DESKTOP_BENCH_CACHE:-$PWD/build/release/bench-cache}"
echo "load average before the run: $(cut -d' ' -f1-3 /proc/loadavg)"
build/release/bin/fairtender_desktop_bench --benchmark_repetitions=3 \
  --benchmark_report_aggregates_only=true --benchmark_out="$out" --benchmark_out_format=json "$@"
/usr/bin/python3 - "$out" <<'PY'
import json, sys
runs = {b["run_name"].split("/")[0]: b for b in json.load(open(sys.argv[1]))["benchmarks"]
        if b.get("aggregate_name") == "median"}
def show(name, peer, target=None):
    ours, theirs = runs.get(name), runs.get(peer)
    if not ours or not theirs:
        return
    a, b = ours["real_time"], theirs["real_time"]
    met = "" if target is None else ("  target < %g ms: %s" % (target, "met" if a < target else "NOT MET"))
    print(f"{name:<30} {a:9.1f} ms   peer {peer:<28} {b:9.1f} ms   ratio {a / b:7.2f}{met}")
print()
print("median of 3 repetitions, real time")
show("BM_OpenWorkspaceAsLead", "BM_PeerEvaluate", 1000)
show("BM_OpenWorkspaceAsEvaluator", "BM_PeerEvaluate", 1000)
show("BM_SortResultsByTotal", "BM_PeerStdSortByTotal", 100)
show("BM_SortResultsBySupplier", "BM_PeerStdSortBySupplier", 100)
show("BM_FilterResults", "BM_PeerSubstringScan", 100)
show("BM_RankingProxySortByTotal", "BM_PlainProxySortByTotal")
show("BM_RankingProxySortBySupplier", "BM_PlainProxySortBySupplier")
show("BM_ScoresSeenByAll", "BM_ScoresSeenByOnePair")
PY

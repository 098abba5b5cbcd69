#!/usr/bin/env bash
# Builds the release preset and runs the engine benchmarks, then prints each figure beside
# its peer from the same run (bare arithmetic for scoring, a plain pugixml parse for
# loading) as a ratio. Usage: tests/bench/run-benchmarks.sh [extra google-benchmark flags]
set -euo pipefail
cd "$(dirname "$0")/../.."
cmake --preset release >/dev/null
cmake --build --preset release --target fairtender_engine_bench
out=$(mktemp)
trap 'rm -f "$out"' EXIT
echo "load average before the run: $(cut -d' ' -f1-3 /proc/loadavg)"
build/release/bin/fairtender_engine_bench --benchmark_repetitions=3 \
  --benchmark_report_aggregates_only=true --benchmark_out="$out" --benchmark_out_format=json "$@"
/usr/bin/python3 - "$out" <<'PY'
import json, sys
runs = {b["run_name"].split("/")[0]: b for b in json.load(open(sys.argv[1]))["benchmarks"]
        if b.get("aggregate_name") == "median"}
def show(name, peer, unit, key, scale):
    ours, theirs = runs.get(name), runs.get(peer)
    if not ours or not theirs:
        return
    a, b = ours[key] / scale, theirs[key] / scale
    print(f"{name:<22} {a:12.1f} {unit:<18} peer {peer:<22} {b:12.1f} {unit:<18} ratio {a / b:6.3f}")
print()
print("median of 3 repetitions, real time")
show("BM_EvaluateTender", "BM_PeerBareArithmetic", "M leaf scores/s", "items_per_second", 1e6)
show("BM_LoadBidXml", "BM_PeerPugixmlParse", "MB/s", "bytes_per_second", 1024 * 1024)
PY

#!/usr/bin/env bash
# Scorecard export of 10,000 bids: ours (fairtender_xlsx_bench, release build) beside the
# python3-xlsxwriter peer writing the same cells and formulas, in the same run, with peak
# memory from /usr/bin/time -v. Usage: tests/bench/run-xlsx-benchmark.sh [BIDS]
set -euo pipefail
cd "$(dirname "$0")/../.."
bids=${1:-10000}
build=${FAIRTENDER_BENCH_BUILD:-build/release}
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DFAIRTENDER_BUILD_BENCHMARKS=ON >/dev/null
cmake --build "$build" -j2 --target fairtender_xlsx_bench fairtender_generate_tender >/dev/null
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$build/bin/fairtender_generate_tender" "$work/tender" "$bids" >/dev/null
echo "load average before the run: $(cut -d' ' -f1-3 /proc/loadavg)"
/usr/bin/time -v "$build/bin/fairtender_xlsx_bench" "$work/tender" "$work/ours.xlsx" \
  >"$work/ours.txt" 2>"$work/ours.time"
/usr/bin/time -v /usr/bin/python3 tests/bench/xlsx_peer.py "$work/ours.xlsx" "$work/peer.xlsx" \
  >"$work/peer.txt" 2>"$work/peer.time"
ours=$(grep -o 'export_seconds [0-9.]*' "$work/ours.txt" | cut -d' ' -f2)
peer=$(grep -o 'peer_seconds [0-9.]*' "$work/peer.txt" | cut -d' ' -f2)
echo "ours: $(cat "$work/ours.txt")"
echo "      process peak RSS $(grep 'Maximum resident' "$work/ours.time" | grep -o '[0-9]*$') kB"
echo "peer: $(cat "$work/peer.txt") (process peak RSS includes reading with openpyxl:" \
  "$(grep 'Maximum resident' "$work/peer.time" | grep -o '[0-9]*$') kB)"
echo "sizes: ours $(stat -c %s "$work/ours.xlsx") bytes, peer $(stat -c %s "$work/peer.xlsx") bytes"
/usr/bin/python3 -c "print('speed-up over the peer: %.2fx' % ($peer / $ours))"

#!/usr/bin/env bash
# Benchmarks `entente serve`: the timeline endpoint under load, and the dashboard's first load.
#
#   scripts/bench_serve.sh                               # 20 s of load, 10 first loads per page
#   DURATION=60 CONNECTIONS=64 RUNS=20 scripts/bench_serve.sh
#
# The load generator is oha if installed, else wrk, else it installs Debian's wrk (or, without
# apt, `cargo install oha`). Server and generator share this machine (2 cores here); the server
# runs its default 2 worker threads. Targets (issue): ≥ 10,000 requests/s with p99 < 10 ms on
# /api/timeline?a=NATO&b=KOR, and a first load of the dashboard under 500 ms. Measure on a quiet
# machine: other work on the same cores shows up directly in these figures.
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION=${DURATION:-20}
CONNECTIONS=${CONNECTIONS:-32}
RUNS=${RUNS:-10}
PORT=${PORT:-8797}
BASE="http://127.0.0.1:$PORT"
PATH_Q="/api/timeline?a=NATO&b=KOR"

echo "building (release)…" >&2
cargo build --release -q -p entente-server --bin entente-server --example first_load

tool=""
if command -v oha >/dev/null 2>&1; then
  tool=oha
elif command -v wrk >/dev/null 2>&1; then
  tool=wrk
elif command -v apt-get >/dev/null 2>&1 && apt-get install -y -qq wrk >/dev/null 2>&1; then
  tool=wrk
elif cargo install oha --locked -q; then
  tool=oha
fi
if [ -z "$tool" ]; then
  echo "no load generator: install oha (cargo install oha) or wrk (apt-get install wrk)" >&2
  exit 1
fi

log=$(mktemp)
target/release/entente-server --addr "127.0.0.1:$PORT" --no-user-data >"$log" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null || true; rm -f "$log"' EXIT
for _ in $(seq 100); do
  if grep -q '^listening on' "$log"; then break; fi
  sleep 0.1
done
grep -q '^listening on' "$log" || { cat "$log" >&2; exit 1; }

# One request first: the answer is computed once and then served from the cache.
exec 3<>"/dev/tcp/127.0.0.1/$PORT"
printf 'GET %s HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n' "$PATH_Q" >&3
head -c 12 <&3 >/dev/null || true
exec 3<&-

echo "== load: $tool, ${DURATION}s, $CONNECTIONS connections, GET $PATH_Q"
out=$(mktemp)
if [ "$tool" = oha ]; then
  oha -z "${DURATION}s" -c "$CONNECTIONS" --no-tui "$BASE$PATH_Q" | tee "$out"
  rps=$(awk '/Requests\/sec:/ {print $2; exit}' "$out")
  p99=$(awk '/99.00% in/ {printf "%.2f ms", $3 * 1000; exit}' "$out")
else
  wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --latency "$BASE$PATH_Q" | tee "$out"
  rps=$(awk '/Requests\/sec:/ {print $2; exit}' "$out")
  p99=$(awk '$1 == "99%" {print $2; exit}' "$out")
fi
rm -f "$out"

echo "== first load: headless Chromium, $RUNS runs per page, empty cache each"
if first=$(target/release/examples/first_load "$BASE/" "$RUNS"); then
  echo "$first"
else
  first="(Chromium not available: apt-get install chromium)"
fi

echo
echo "== summary ($(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg))"
echo "timeline: $rps requests/s, p99 $p99   (target: ≥ 10000 requests/s, p99 < 10 ms)"
echo "$first" | sed 's/^/dashboard /'
echo "(target: first load under 500 ms)"

# Shared by the benchmark scripts: start Zaplecze executables on free loopback ports with a
# temporary data directory, wait for readiness, and stop them by PID on exit.
# Usage: source scripts/lib/suite-processes.sh; zb_build release; zb_start loyalty; zb_start gateway; …

ZB_TMP=$(mktemp -d /tmp/zaplecze-bench.XXXXXX)
ZB_PIDS=()
export ZAPLECZE_INTERNAL_SECRET="bench-internal-secret-0123456789"
export ZAPLECZE_ADMIN_KEYS="bench=bench-admin-key-0123456789abcdef"
export ZAPLECZE_STOREFRONT_KEYS="shop=bench-storefront-key-0123456789abcdef"
export ZAPLECZE_TOKEN_SECRET="bench-token-secret-0123456789abcdef"
export ZAPLECZE_LOG_LEVEL="${ZAPLECZE_LOG_LEVEL:-warn}"
# All load comes from one address: the per-address limit for anonymous calls would throttle it.
export ZAPLECZE_RATE_ADDRESS_PER_SECOND="${ZAPLECZE_RATE_ADDRESS_PER_SECOND:-0}"
ZB_ADMIN_KEY="bench-admin-key-0123456789abcdef"
ZB_STOREFRONT_KEY="bench-storefront-key-0123456789abcdef"

zb_cleanup() {
  for pid in "${ZB_PIDS[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${ZB_PIDS[@]}"; do
    for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$pid" 2>/dev/null || true
  done
  rm -rf "$ZB_TMP"
}
trap zb_cleanup EXIT

zb_free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}

# ZB_SCRATCH_PATH builds in another scratch directory than .build; ZB_BUILD_WRAPPER (e.g. a
# build-slot command) runs the build under it.
zb_build() {
  local config=${1:-release}
  local scratch=()
  if [ -n "${ZB_SCRATCH_PATH:-}" ]; then scratch=(--scratch-path "$ZB_SCRATCH_PATH"); fi
  ${ZB_BUILD_WRAPPER:-} swift build -c "$config" "${scratch[@]}" >&2
  ZB_BIN=$(swift build -c "$config" "${scratch[@]}" --show-bin-path)
}

# zb_start NAME → sets ZB_PORT_<NAME> and ZB_PID_<NAME>; exports ZAPLECZE_<NAME>_URL for later starts.
zb_start() {
  local name=$1 port var
  port=$(zb_free_port)
  "$ZB_BIN/$name" --port "$port" --database "$ZB_TMP/$name.sqlite" >"$ZB_TMP/$name.log" 2>&1 &
  local pid=$!
  ZB_PIDS+=("$pid")
  var=$(echo "$name" | tr 'a-z-' 'A-Z_')
  printf -v "ZB_PORT_$var" '%s' "$port"
  printf -v "ZB_PID_$var" '%s' "$pid"
  export "ZAPLECZE_${var}_URL=http://127.0.0.1:$port"
  for _ in $(seq 1 200); do
    if curl -fsS "http://127.0.0.1:$port/health" >/dev/null 2>&1; then return 0; fi
    sleep 0.05
  done
  echo "$name did not start:" >&2; cat "$ZB_TMP/$name.log" >&2; return 1
}

# zb_rss_mib PID → resident memory in MiB
zb_rss_mib() {
  awk '/VmRSS/ { printf "%.1f", $2 / 1024 }' "/proc/$1/status"
}

# zb_wrk LABEL URL [wrk args…] → prints "LABEL  req/s  p50  p99" (after BENCH_WARMUP seconds, default 2, unmeasured)
zb_wrk() {
  local label=$1 url=$2; shift 2
  local out
  # A short unmeasured run first: the first seconds on a fresh database pay for growing the WAL
  # and database files and for warming caches, which a running shop has long done.
  if [ "${BENCH_WARMUP:-2}" != 0 ]; then wrk -t2 -c32 -d"${BENCH_WARMUP:-2}s" "$@" "$url" >/dev/null; fi
  out=$(wrk -t2 -c32 -d"${BENCH_SECONDS:-10}s" --latency "$@" "$url")
  local rps p50 p99 errors
  rps=$(echo "$out" | awk '/Requests\/sec/ { print $2 }')
  p50=$(echo "$out" | awk '$1 == "50%" { print $2 }')
  p99=$(echo "$out" | awk '$1 == "99%" { print $2 }')
  errors=$(echo "$out" | awk '/Non-2xx|Socket errors/ { $1=$1; print }' | paste -sd';' -)
  printf '%-44s %12s %10s %10s  %s\n' "$label" "$rps" "$p50" "$p99" "${errors:-no errors}"
}

# Shared by the search benchmarks: a query's mean time through the API beside the same question
# asked of the service's database file by raw SQLite, as the same run's baseline.
# Usage (after `source scripts/lib/suite-processes.sh`):
#   source scripts/lib/bench-search.sh
#   zb_api_mean "$url"                 # mean seconds of 20 GETs with the admin key, after one unmeasured
#   zb_sqlite_mean "$database" "$sql"  # mean seconds of 20 runs of one SQL statement, after one unmeasured

zb_api_mean() {
  local url=$1 total=0 seconds
  curl -fsS -o /dev/null -H "Authorization: Bearer $ZB_ADMIN_KEY" "$url"
  for _ in $(seq 1 20); do
    seconds=$(curl -fsS -o /dev/null -w '%{time_total}' -H "Authorization: Bearer $ZB_ADMIN_KEY" "$url")
    total=$(echo "$total + $seconds" | bc -l)
  done
  echo "$total / 20" | bc -l
}

zb_sqlite_mean() {
  local database=$1 sql=$2
  {
    echo ".timer on"
    for _ in $(seq 1 21); do echo "$sql"; done
  } | sqlite3 "$database" | awk '/^Run Time/ { n++; if (n > 1) { sum += $4 } } END { printf "%.6f", sum / (n - 1) }'
}

# zb_search_row LABEL API_SECONDS BASELINE_SECONDS → one row of a search table: both in ms, and their ratio.
zb_search_row() {
  printf '%-34s %10.2f ms %12.2f ms %8.2f\n' "$1" "$(echo "$2 * 1000" | bc -l)" "$(echo "$3 * 1000" | bc -l)" \
    "$(echo "$2 / $3" | bc -l)"
}

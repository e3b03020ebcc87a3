# The checkout part of the discounts benchmark: validations/s and redemptions/s over 32
# connections with p50/p99, beside GET /health on the same connections as the same run's baseline.
#
# Usage (after `source scripts/lib/suite-processes.sh`, `zb_build release` and `zb_start discounts`,
# and `zb_start gateway` to go through it):
#   source scripts/lib/bench-discounts-checkout.sh
#   zb_discounts_checkout_seed          # a multi-use code and single-use codes, written straight into the tables
#   zb_discounts_checkout_bench         # prints the table rows (zb_wrk's format)
#
# The discounts routes go through the gateway once the gateway publishes them (its OpenAPI
# document lists /api/v1/discounts/validations); until then the service is called directly with
# the internal secret as the storefront would be forwarded; each row says which ([gateway] or
# [direct]).

# Single-use codes seeded: every redemption request takes a code never taken before, each wrk
# process a block of its own (warm-up and measured runs included), so all are real first uses.
ZB_DISCOUNTS_SINGLE_CODES=${ZB_DISCOUNTS_SINGLE_CODES:-1000000}
ZB_DISCOUNTS_SINGLE_BLOCK=${ZB_DISCOUNTS_SINGLE_BLOCK:-250000}

zb_discounts_checkout_seed() {
  python3 - "$ZB_TMP/discounts.sqlite" "$ZB_DISCOUNTS_SINGLE_CODES" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1], timeout=60)
count = int(sys.argv[2])
insert = """INSERT INTO campaigns (name, kind, code_count, discount_type, discount_value, currency, status,
    generated, created_at) VALUES (?, ?, ?, 'percent', 10, 'PLN', 'ready', ?, 0)"""
with db:
    multi = db.execute(insert, ("bench multi-use", "multiUse", 1, 1)).lastrowid
    db.execute("INSERT INTO codes (code, campaign_id) VALUES ('BENCH-MULTI', ?)", (multi,))
    single = db.execute(insert, ("bench single-use", "singleUse", count, count)).lastrowid
    db.executemany("INSERT INTO codes (code, campaign_id) VALUES (?, ?)",
                   (("BENCH-S%07d" % i, single) for i in range(count)))
db.close()
PY
}

# Where the discounts routes are and how to authenticate: sets ZB_DISCOUNTS_BASE, _PREFIX,
# _HEALTH (the baseline's path on the same way in), _VIA and the Lua header lines.
zb_discounts_checkout_target() {
  if [ -n "${ZB_PORT_GATEWAY:-}" ] && curl -fsS "http://127.0.0.1:$ZB_PORT_GATEWAY/api/v1/openapi.json" 2>/dev/null |
    grep -q '/api/v1/discounts/validations'; then
    ZB_DISCOUNTS_VIA="gateway"
    ZB_DISCOUNTS_BASE="http://127.0.0.1:$ZB_PORT_GATEWAY"
    ZB_DISCOUNTS_PREFIX="/api/v1/discounts"
    ZB_DISCOUNTS_HEALTH="/api/v1/discounts/health"
    ZB_DISCOUNTS_HEADERS="[\"Authorization\"] = \"Bearer $ZB_STOREFRONT_KEY\""
  else
    ZB_DISCOUNTS_VIA="direct"
    ZB_DISCOUNTS_BASE="http://127.0.0.1:$ZB_PORT_DISCOUNTS"
    ZB_DISCOUNTS_PREFIX="/v1"
    ZB_DISCOUNTS_HEALTH="/health"
    ZB_DISCOUNTS_HEADERS="[\"X-Zaplecze-Internal\"] = \"$ZAPLECZE_INTERNAL_SECRET\", [\"X-Zaplecze-Role\"] = \"storefront\", [\"X-Zaplecze-Actor\"] = \"shop\""
  fi
}

# The Lua preamble of every scenario: the JSON headers and, per wrk process, a fresh block of
# numbers (read and advanced in a counter file, since every wrk process starts its counters at
# zero) from which each of zb_wrk's two threads takes every other number.
zb_discounts_checkout_lua() {
  local name=$1 path=$2 body=$3
  cat >"$ZB_TMP/$name.lua" <<LUA
local counter = 0
local headers = { ["Content-Type"] = "application/json", $ZB_DISCOUNTS_HEADERS }
local threads = 0
function setup(thread)
  if not block then
    local file = io.open("$ZB_TMP/$name.block", "r")
    block = file and tonumber(file:read("*l")) or 0
    if file then file:close() end
    file = io.open("$ZB_TMP/$name.block", "w")
    file:write(tostring(block + $ZB_DISCOUNTS_SINGLE_BLOCK))
    file:close()
  end
  thread:set("base", block + threads)
  threads = threads + 1
end
request = function()
  local n = base + counter * 2
  counter = counter + 1
  return wrk.format("POST", "$ZB_DISCOUNTS_PREFIX$path", headers, $body)
end
LUA
}

zb_discounts_checkout_bench() {
  zb_discounts_checkout_target
  zb_discounts_checkout_lua validate /validations \
    "'{\"code\":\"bench-multi\",\"customerId\":\"bench-' .. (n % 1000) .. '\",\"orderValue\":12000,\"shippingCost\":1500,\"currency\":\"PLN\"}'"
  zb_discounts_checkout_lua redeem-multi /redemptions \
    "'{\"code\":\"BENCH-MULTI\",\"orderNumber\":\"BM-' .. n .. '\",\"orderValue\":12000,\"shippingCost\":1500,\"currency\":\"PLN\"}'"
  zb_discounts_checkout_lua redeem-single /redemptions \
    "'{\"code\":\"' .. string.format(\"BENCH-S%07d\", n) .. '\",\"orderNumber\":\"BS-' .. n .. '\",\"orderValue\":12000,\"shippingCost\":1500,\"currency\":\"PLN\"}'"
  zb_wrk "GET /health, discounts [$ZB_DISCOUNTS_VIA]" "$ZB_DISCOUNTS_BASE$ZB_DISCOUNTS_HEALTH"
  zb_wrk "POST /validations, valid code [$ZB_DISCOUNTS_VIA]" "$ZB_DISCOUNTS_BASE" -s "$ZB_TMP/validate.lua"
  zb_wrk "POST /redemptions, multi-use [$ZB_DISCOUNTS_VIA]" "$ZB_DISCOUNTS_BASE" -s "$ZB_TMP/redeem-multi.lua"
  zb_wrk "POST /redemptions, single-use [$ZB_DISCOUNTS_VIA]" "$ZB_DISCOUNTS_BASE" -s "$ZB_TMP/redeem-single.lua"
}

#!/usr/bin/env python3
"""Driver of scripts/bench-discounts (standard library only).

  generate BASE COUNT   POST a campaign of COUNT random codes, poll it until it is no longer
                        generating; prints "<seconds> <status> <campaign id>".
  csv BASE ID OUT       GET the campaign's codes.csv into OUT; prints "<seconds> <rows> <bytes>".

BASE is either the gateway (http://host:port/api/v1/discounts, with ZB_ADMIN_KEY as bearer) or
the service itself (http://host:port/v1, with the internal secret and the admin role).
"""
import http.client
import json
import os
import sys
import time
import urllib.parse


def headers(base):
    if "/api/v1/" in base:
        return {"Authorization": "Bearer " + os.environ["ZB_ADMIN_KEY"]}
    return {"X-Zaplecze-Internal": os.environ["ZAPLECZE_INTERNAL_SECRET"], "X-Zaplecze-Role": "admin"}


def connect(base):
    url = urllib.parse.urlsplit(base)
    return http.client.HTTPConnection(url.hostname, url.port, timeout=600), url.path


def request(connection, method, path, base, body=None):
    head = headers(base)
    if body is not None:
        head["Content-Type"] = "application/json"
    connection.request(method, path, body=body, headers=head)
    response = connection.getresponse()
    return response.status, response.read()


def generate(base, count):
    connection, prefix = connect(base)
    campaign = {"name": "bench", "kind": "singleUse", "count": count,
                "discount": {"type": "percent", "value": 10}, "currency": "PLN"}
    started = time.monotonic()
    status, body = request(connection, "POST", prefix + "/campaigns", base, json.dumps(campaign))
    if status != 202:
        sys.exit(f"POST /campaigns answered {status}: {body[:300]!r}")
    campaign_id = json.loads(body)["id"]
    while True:
        status, body = request(connection, "GET", f"{prefix}/campaigns/{campaign_id}", base)
        state = json.loads(body)["status"]
        if state != "generating":
            break
        time.sleep(0.01)
    print(f"{time.monotonic() - started:.3f} {state} {campaign_id}")


def csv(base, campaign_id, out):
    connection, prefix = connect(base)
    started = time.monotonic()
    connection.request("GET", f"{prefix}/campaigns/{campaign_id}/codes.csv", headers=headers(base))
    response = connection.getresponse()
    if response.status != 200:
        sys.exit(f"codes.csv answered {response.status}")
    lines = 0
    size = 0
    with open(out, "wb") as file:
        while True:
            piece = response.read(1 << 16)
            if not piece:
                break
            lines += piece.count(b"\n")
            size += len(piece)
            file.write(piece)
    print(f"{time.monotonic() - started:.3f} {lines - 1} {size}")


if __name__ == "__main__":
    command = sys.argv[1] if len(sys.argv) > 1 else ""
    if command == "generate" and len(sys.argv) == 4:
        generate(sys.argv[2], int(sys.argv[3]))
    elif command == "csv" and len(sys.argv) == 5:
        csv(sys.argv[2], sys.argv[3], sys.argv[4])
    else:
        sys.exit(__doc__)

"""Nightly pulls from partners that still only speak urllib / http.client."""
from __future__ import annotations

import http.client
import json
import ssl
import urllib.request
from urllib.parse import urlencode

FEED_HOST = "feeds.partner-catalog.com"
PRICE_FEED = "http://prices.partner-catalog.com/feed.json"  # expect: insecure-transport
XSD = "http://www.w3.org/2001/XMLSchema"


def fetch_prices() -> dict:
    with urllib.request.urlopen(PRICE_FEED) as resp:  # expect: missing-timeout
        return json.load(resp)


def fetch_catalogue(page: int) -> dict:
    req = urllib.request.Request(
        f"https://{FEED_HOST}/catalogue?" + urlencode({"page": page}),
        headers={"Accept": "application/json"},
    )
    with urllib.request.urlopen(req, timeout=20) as resp:
        return json.load(resp)


def fetch_with_opener(path: str) -> bytes:
    opener = urllib.request.build_opener(urllib.request.HTTPSHandler(context=ssl.create_default_context()))
    with opener.open(f"https://{FEED_HOST}{path}") as resp:  # expect: missing-timeout
        return resp.read()


def push_ack(batch_id: str) -> int:
    conn = http.client.HTTPSConnection(FEED_HOST)  # expect: missing-timeout
    conn.request("POST", f"/batches/{batch_id}/ack", body=b"{}")
    status = conn.getresponse().status
    conn.close()
    return status


def push_ack_bounded(batch_id: str) -> int:
    conn = http.client.HTTPSConnection(FEED_HOST, timeout=10)
    conn.request("POST", f"/batches/{batch_id}/ack", body=b"{}")
    return conn.getresponse().status


def fetch_internal_mirror() -> bytes:
    ctx = ssl._create_unverified_context()  # expect: tls-verification-disabled
    with urllib.request.urlopen("https://mirror.partner-catalog.com/feed.json", context=ctx, timeout=30) as resp:
        return resp.read()

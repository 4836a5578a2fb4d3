"""Warehouse API over urllib3 (the service avoids requests for cold-start size)."""
from __future__ import annotations

import json
import logging

import urllib3
from urllib3.util import Retry, Timeout

log = logging.getLogger(__name__)

http = urllib3.PoolManager(
    timeout=Timeout(connect=2.0, read=8.0),
    retries=Retry(total=3, backoff_factor=0.3, status_forcelist=[503]),
)
bulk_pool = urllib3.PoolManager(num_pools=4, maxsize=8)  # expect: missing-timeout
reports_pool = urllib3.HTTPSConnectionPool(  # expect: missing-timeout
    "reports.warehouse-cloud.com",
    port=443,
    retries=Retry(total=2),  # expect: retry-without-backoff
)


def stock_level(sku: str) -> int:
    resp = http.request("GET", f"https://api.warehouse-cloud.com/stock/{sku}")
    if resp.status != 200:
        log.warning("stock lookup %s -> %s", sku, resp.status)
        return 0
    return json.loads(resp.data)["qty"]


def bulk_update(rows: list[dict]) -> dict:
    resp = bulk_pool.request(
        "POST", "https://api.warehouse-cloud.com/stock/bulk", body=json.dumps(rows),
        headers={"Content-Type": "application/json"},
    )
    return resp.json()  # expect: unchecked-response-status


def daily_report(day: str) -> bytes:
    resp = reports_pool.request("GET", f"/daily/{day}.csv")
    return resp.data  # expect: unchecked-response-status


def ping() -> bool:
    resp = urllib3.request("GET", "https://api.warehouse-cloud.com/health")  # expect: missing-timeout
    return resp.status == 200


def ping_with_timeout() -> bool:
    resp = urllib3.request("GET", "https://api.warehouse-cloud.com/health", timeout=3.0)
    return resp.status == 200

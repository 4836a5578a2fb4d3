"""Low-level urllib3 pools for the label printer gateway and the scale API."""
import json
import os

import urllib3
from urllib3.util import Retry, Timeout

GATEWAY_HOST = os.environ.get("PRINT_GATEWAY_HOST", "printers.acme-logistics.com")

# Connect and read bounded; retries back off.
http = urllib3.PoolManager(
    timeout=Timeout(connect=2.0, read=10.0),
    retries=Retry(total=4, backoff_factor=0.5, status_forcelist=[502, 503, 504]),
)

# Retries are not a timeout, and this Retry never waits between attempts.
scales = urllib3.PoolManager(retries=Retry(total=3, status_forcelist=[503]))  # expect: missing-timeout, retry-without-backoff

gateway = urllib3.HTTPSConnectionPool(GATEWAY_HOST, port=8443, maxsize=4)  # expect: missing-timeout

unbounded_reads = urllib3.PoolManager(timeout=Timeout())  # expect: missing-timeout


def print_label(printer_id: str, zpl: str) -> None:
    resp = http.request("POST", f"https://{GATEWAY_HOST}/printers/{printer_id}/jobs", body=zpl)
    if resp.status >= 300:
        raise RuntimeError(f"printer {printer_id} rejected job: {resp.status}")


def printer_queue(printer_id: str) -> list[dict]:
    resp = http.request("GET", f"https://{GATEWAY_HOST}/printers/{printer_id}/jobs")
    return json.loads(resp.data)["jobs"]  # expect: unchecked-response-status


def weigh(scale_id: str) -> float:
    resp = scales.request("GET", f"https://scales.acme-logistics.com/{scale_id}/reading")
    if resp.status != 200:
        return 0.0
    return resp.json()["kg"]


def gateway_health() -> bool:
    resp = gateway.request("GET", "/health")
    return resp.status == 200


def firmware_manifest() -> dict:
    resp = urllib3.request("GET", "https://firmware.acme-logistics.com/manifest.json")  # expect: missing-timeout
    return resp.json()  # expect: unchecked-response-status


def firmware_blob(version: str) -> bytes:
    resp = urllib3.request("GET", f"https://firmware.acme-logistics.com/{version}.bin", timeout=30.0)
    if resp.status != 200:
        raise RuntimeError(version)
    return resp.data

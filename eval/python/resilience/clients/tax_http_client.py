"""Tax engine access over http.client (the vendor SDK pins it)."""
import http.client
import json
import os
from http.client import HTTPSConnection

TAX_HOST = os.environ.get("TAX_HOST", "api.taxengine.com")


def rate_for(postcode: str) -> float:
    conn = HTTPSConnection(TAX_HOST)  # expect: missing-timeout
    try:
        conn.request("GET", f"/v1/rates/{postcode}")
        resp = conn.getresponse()
        if resp.status != 200:
            raise RuntimeError(resp.status)
        return json.loads(resp.read())["rate"]
    finally:
        conn.close()


def commit_transaction(tx: dict) -> None:
    conn = http.client.HTTPSConnection(TAX_HOST, timeout=10)
    try:
        conn.request("POST", "/v1/transactions", body=json.dumps(tx), headers={"Content-Type": "application/json"})
        resp = conn.getresponse()
        if resp.status >= 300:
            raise RuntimeError(resp.read())
    finally:
        conn.close()


def legacy_ping() -> int:
    # The on-prem tax appliance still speaks plain HTTP; http.client takes a host, not a URL.
    conn = http.client.HTTPConnection("tax-appliance.acme-corp.com", 8080)  # expect: missing-timeout
    conn.request("GET", "/ping")
    return conn.getresponse().status

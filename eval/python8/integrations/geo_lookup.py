"""IP geolocation for fraud scoring: public API, branch-office appliance, in-cluster cache.

See http://ip-api.com/docs for the response fields.
"""
import logging
from urllib.parse import urljoin

import httpx
import requests

logger = logging.getLogger(__name__)

GEO_CACHE = "http://geo-cache.fraud.svc.cluster.local:8080"
BRANCH_APPLIANCE = "http://192.168.40.12/geo/"  # expect: insecure-transport
XSI = "http://www.w3.org/2001/XMLSchema-instance"


def public_lookup(ip: str) -> dict:
    resp = requests.get("http://ip-api.com/json/" + ip, params={"fields": "status,country,proxy"}, timeout=3)  # expect: insecure-transport
    resp.raise_for_status()
    return resp.json()


def branch_lookup(ip: str) -> dict:
    resp = requests.get(urljoin(BRANCH_APPLIANCE, ip), timeout=2)
    resp.raise_for_status()
    return resp.json()


def cached_lookup(ip: str) -> dict | None:
    resp = requests.get(f"{GEO_CACHE}/ip/{ip}", timeout=1)
    if resp.status_code == 404:
        return None
    resp.raise_for_status()
    return resp.json()


async def asn_lookup(ip: str) -> dict:
    async with httpx.AsyncClient(base_url="http://asn.example-registry.net", timeout=5) as client:  # expect: insecure-transport
        resp = await client.get(f"/asn/{ip}")
        resp.raise_for_status()
        return resp.json()


def reputation(ip: str) -> int:
    resp = requests.get(f"https://reputation.example.com/v1/ip/{ip}", timeout=3)
    data = resp.json()  # expect: unchecked-response-status
    if not data.get("ok"):
        return 0
    return data["score"]


def describe(ip: str) -> str:
    return f"lookup {ip}: see http://ip-api.com/docs/api:json for fields"

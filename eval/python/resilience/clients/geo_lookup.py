"""Address validation and geocoding through httpx."""
import logging
import os

import httpx

log = logging.getLogger("geo")

GEO_BASE = "https://geo.mapgrid.com/api/v3"


def _raise_on_4xx_5xx(response: httpx.Response) -> None:
    response.raise_for_status()


# The default 5 s timeout applies; the response hook checks every status.
geo = httpx.Client(
    base_url=GEO_BASE,
    headers={"X-Client": "checkout"},
    event_hooks={"response": [_raise_on_4xx_5xx]},
)

# Batch geocoding can take minutes, so someone switched the bound off.
batch = httpx.Client(base_url=GEO_BASE, timeout=None)  # expect: missing-timeout

# Long reads are allowed but connecting stays bounded: not every field is None.
exports = httpx.Client(base_url=GEO_BASE, timeout=httpx.Timeout(10.0, read=None))


def geocode(address: str) -> dict:
    return geo.get("/geocode", params={"q": address}).json()


def validate(address: dict) -> bool:
    resp = httpx.post(f"{GEO_BASE}/validate", json=address)
    if resp.is_error:
        log.warning("validation service returned %s", resp.status_code)
        return False
    return resp.json()["valid"]


def batch_geocode(addresses: list[str]) -> list[dict]:
    resp = batch.post("/geocode/batch", json={"addresses": addresses})
    return resp.json()["results"]  # expect: unchecked-response-status


def timezone(lat: float, lng: float) -> str:
    resp = httpx.get(f"{GEO_BASE}/tz", params={"lat": lat, "lng": lng}, timeout=httpx.Timeout(None))  # expect: missing-timeout
    resp.raise_for_status()
    return resp.json()["tz"]


def export_region(region: str) -> bytes:
    resp = exports.get(f"/export/{region}")
    return resp.content  # expect: unchecked-response-status


async def reverse(lat: float, lng: float) -> dict:
    async with httpx.AsyncClient(base_url=GEO_BASE, timeout=httpx.Timeout(connect=None, read=None, write=None, pool=None)) as client:  # expect: missing-timeout
        resp = await client.get("/reverse", params={"lat": lat, "lng": lng})
        if not resp.is_success:
            return {}
        return resp.json()

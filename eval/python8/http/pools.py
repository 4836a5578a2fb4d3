"""urllib3 pools for the tile and geodata fetchers (no requests in this service)."""
import json
import logging

import urllib3
from urllib3.util import Retry, Timeout

logger = logging.getLogger(__name__)

tiles = urllib3.PoolManager(  # expect: missing-timeout
    num_pools=20,
    maxsize=10,
    retries=Retry(total=3, backoff_factor=0.3, status_forcelist=[429, 500, 502, 503]),
)

geodata = urllib3.PoolManager(
    timeout=Timeout(connect=2.0, read=15.0),
    retries=Retry(total=5, status_forcelist=[503]),  # expect: retry-without-backoff
)

legacy_wms = urllib3.HTTPSConnectionPool(
    "wms.landregistry-partner.net",
    port=443,
    cert_reqs="CERT_NONE",  # expect: tls-verification-disabled
    timeout=Timeout(connect=5.0, read=30.0),
)

unbounded = urllib3.PoolManager(timeout=Timeout(connect=None, read=None))  # expect: missing-timeout


def tile(z: int, x: int, y: int) -> bytes:
    resp = tiles.request("GET", f"https://tiles.maps.example.org/{z}/{x}/{y}.png")
    if resp.status != 200:
        raise LookupError(f"tile {z}/{x}/{y}: {resp.status}")
    return resp.data


def parcel(parcel_id: str) -> dict:
    resp = geodata.request("GET", f"https://geo.example.org/parcels/{parcel_id}")
    return json.loads(resp.data)  # expect: unchecked-response-status


def boundaries(region: str) -> dict:
    resp = urllib3.request("GET", f"https://geo.example.org/regions/{region}", timeout=10.0)
    if resp.status >= 400:
        logger.warning("region %s: %s", region, resp.status)
        return {}
    return resp.json()


def capabilities() -> bytes:
    resp = urllib3.request("GET", "https://wms.landregistry-partner.net/wms?request=GetCapabilities")  # expect: missing-timeout
    return resp.data  # expect: unchecked-response-status


def wms_map(layer: str, bbox: str) -> bytes:
    resp = legacy_wms.request("GET", "/wms", fields={"layers": layer, "bbox": bbox, "format": "image/png"})
    if resp.status == 200:
        return resp.data
    raise RuntimeError(f"wms returned {resp.status}")


def snapshot(url: str) -> bytes:
    return unbounded.request("GET", url, preload_content=True).data  # expect: unchecked-response-status

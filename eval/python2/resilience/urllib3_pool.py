"""Connection pools for the tile server and the search cluster."""
import json
import logging

import urllib3
from urllib3 import HTTPSConnectionPool, PoolManager
from urllib3.util import Retry, Timeout

logger = logging.getLogger(__name__)

http = urllib3.PoolManager(  # expect: missing-timeout
    num_pools=20,
    maxsize=10,
    retries=Retry(total=3, backoff_factor=0.2),
)

search_pool = HTTPSConnectionPool(
    "search.tiles-cdn.net",
    port=443,
    maxsize=8,
    timeout=Timeout(connect=2.0, read=10.0),
    retries=Retry(3),  # expect: retry-without-backoff
)

uploads = PoolManager(timeout=Timeout(connect=None, read=None))  # expect: missing-timeout


def fetch_tile(z: int, x: int, y: int) -> bytes:
    resp = http.request("GET", f"https://tiles-cdn.net/{z}/{x}/{y}.png")
    return resp.data  # expect: unchecked-response-status


def search(query: str) -> list[dict]:
    resp = search_pool.request("GET", "/v1/search", fields={"q": query})
    if resp.status >= 400:
        logger.error("search failed: %s", resp.status)
        return []
    return json.loads(resp.data)["hits"]


def tile_metadata(tileset: str) -> dict:
    resp = urllib3.request("GET", f"https://tiles-cdn.net/{tileset}/metadata.json")  # expect: missing-timeout
    if resp.status != 200:
        raise LookupError(tileset)
    return resp.json()


def upload_tile(path: str, data: bytes) -> None:
    resp = uploads.request("PUT", f"https://upload.tiles-cdn.net/{path}", body=data)
    if resp.status not in (200, 201):
        raise IOError(f"upload {path}: {resp.status}")


def forever_pool() -> PoolManager:
    return PoolManager(
        timeout=Timeout(connect=3.0, read=30.0),
        retries=Retry(total=None, backoff_factor=1.0),  # expect: unbounded-retry
    )

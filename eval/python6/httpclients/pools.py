import json
import ssl

import urllib3
from urllib3.util import Retry, Timeout

urllib3.disable_warnings(urllib3.exceptions.InsecureRequestWarning)

search_pool = urllib3.PoolManager(
    timeout=Timeout(connect=2.0, read=10.0),
    retries=Retry(total=3, backoff_factor=0.3),
)
geo_pool = urllib3.PoolManager(retries=Retry(total=2, backoff_factor=0.2))  # expect: missing-timeout
lab_pool = urllib3.PoolManager(cert_reqs=ssl.CERT_NONE, timeout=5.0)  # expect: tls-verification-disabled
stream_pool = urllib3.HTTPSConnectionPool("stream.events-hub.io", port=443, timeout=Timeout(connect=None, read=None))  # expect: missing-timeout


def search(term: str) -> dict:
    resp = search_pool.request("GET", "https://search.catalog-index.com/q", fields={"q": term})
    if resp.status != 200:
        raise RuntimeError(f"search failed: {resp.status}")
    return json.loads(resp.data)


def geocode(address: str) -> dict:
    resp = geo_pool.request("GET", "https://geo.maps-partner.com/v1/geocode", fields={"address": address})
    return resp.json()  # expect: unchecked-response-status


def ping() -> int:
    return urllib3.request("GET", "https://ping.events-hub.io/").status  # expect: missing-timeout

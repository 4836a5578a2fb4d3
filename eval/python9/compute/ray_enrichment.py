"""Ray tasks that enrich company records from the firmographics vendor."""
import logging
import os
import time

import ray
import requests

logger = logging.getLogger(__name__)

VENDOR_URL = "https://api.firmographics-vendor.example.com/v2/companies"
VENDOR_API_KEY = os.environ.get("FIRMO_API_KEY")


@ray.remote(max_retries=3)
def enrich(domain: str) -> dict:
    resp = requests.get(VENDOR_URL, params={"domain": domain}, headers={"X-Api-Key": VENDOR_API_KEY})  # expect: missing-timeout
    if resp.status_code == 404:
        return {"domain": domain, "found": False}
    resp.raise_for_status()
    return {"domain": domain, "found": True, **resp.json()}


@ray.remote
def enrich_with_retries(domain: str) -> dict:
    wait = 1.0
    for attempt in range(6):
        try:
            resp = requests.get(VENDOR_URL, params={"domain": domain}, headers={"X-Api-Key": VENDOR_API_KEY}, timeout=10)
            if resp.status_code == 429:
                raise requests.HTTPError("rate limited", response=resp)
            resp.raise_for_status()
            return resp.json()
        except requests.RequestException:
            time.sleep(wait)
            wait = min(wait * 2, 30)
    return {"domain": domain, "error": "gave up"}


@ray.remote
def enrich_logo(domain: str) -> bytes:
    for attempt in range(3):  # expect: retry-without-backoff
        try:
            resp = requests.get(f"{VENDOR_URL}/{domain}/logo", headers={"X-Api-Key": VENDOR_API_KEY}, timeout=10)
            resp.raise_for_status()
            return resp.content
        except requests.RequestException:
            logger.info("logo fetch failed for %s, retrying", domain)
    return b""


def run(domains):
    ray.init(address=os.environ.get("RAY_ADDRESS", "auto"))
    logger.info("enriching %d domains, key configured=%s", len(domains), bool(VENDOR_API_KEY))
    futures = [enrich.remote(d) for d in domains]
    return ray.get(futures)

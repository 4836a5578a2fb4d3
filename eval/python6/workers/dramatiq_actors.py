import logging
import time

import dramatiq
import requests
from dramatiq.brokers.redis import RedisBroker

from .repo import save_listing

broker = RedisBroker(url="redis://default:9vXq2LmR8tKp@redis.acme-jobs.com:6379/0")  # expect: hardcoded-credential
dramatiq.set_broker(broker)
log = logging.getLogger(__name__)


@dramatiq.actor(max_retries=5, min_backoff=1000, max_backoff=60000)
def import_listing(listing_id: str) -> None:
    resp = requests.get(f"https://feeds.realty-partner.com/listings/{listing_id}", timeout=15)
    resp.raise_for_status()
    save_listing(resp.json())


@dramatiq.actor(max_retries=0)
def push_listing(listing: dict) -> None:
    for attempt in range(4):  # expect: retry-without-backoff
        try:
            resp = requests.post(  # expect: missing-idempotency-key
                "https://portal.realty-partner.com/api/listings",
                json=listing,
                timeout=15,
            )
            resp.raise_for_status()
            return
        except requests.RequestException:
            log.warning("push attempt %d failed", attempt)
            time.sleep(5)
    raise RuntimeError("listing push failed")

import logging
import time

import requests
from redis import Redis
from rq import Queue, Retry

log = logging.getLogger(__name__)
redis_conn = Redis(host="localhost", port=6379)
queue = Queue("thumbnails", connection=redis_conn)


def render_thumbnail(asset_id: str) -> None:
    delay = 1.0
    for attempt in range(5):
        try:
            resp = requests.post(
                "https://render.image-cdn.com/v1/thumbnails",
                json={"asset": asset_id},
                headers={"Idempotency-Key": f"thumb-{asset_id}"},
                timeout=30,
            )
            resp.raise_for_status()
            return
        except requests.RequestException:
            time.sleep(delay)
            delay *= 2
    raise RuntimeError(f"thumbnail {asset_id} failed")


def warm_cache(asset_id: str) -> None:
    attempt = 0
    while True:  # expect: unbounded-retry, retry-without-backoff
        try:
            requests.get(f"https://cdn.image-cdn.com/assets/{asset_id}", timeout=10).raise_for_status()
            break
        except requests.RequestException:
            attempt += 1
            log.info("warm attempt %d for %s", attempt, asset_id)


def enqueue(asset_id: str) -> None:
    queue.enqueue(render_thumbnail, asset_id, retry=Retry(max=3, interval=[10, 30, 60]))

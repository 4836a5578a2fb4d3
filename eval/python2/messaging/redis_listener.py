"""Cache-invalidation listener and job queue on Redis."""
import json
import logging
import time

import redis

from cache.local import cache
from cache.settings import settings

log = logging.getLogger(__name__)

r = redis.Redis(
    host=settings.REDIS_HOST,
    port=6379,
    password="IGqQ189RbeCpIPzz",  # expect: hardcoded-credential
    socket_timeout=5,
    health_check_interval=30,
)
local = redis.Redis.from_url("redis://:devpassword@localhost:6379/0")


def listen_invalidations() -> None:
    while True:  # expect: retry-without-backoff, unbounded-retry
        try:
            pubsub = r.pubsub(ignore_subscribe_messages=True)
            pubsub.subscribe("cache-invalidation")
            for item in pubsub.listen():
                cache.invalidate(item["data"].decode())
        except redis.ConnectionError:
            log.warning("redis connection lost, reconnecting in 2s")
            time.sleep(2)


def drain_jobs(handler) -> None:
    for attempt in range(10):
        try:
            while True:
                popped = r.blpop(["jobs"], timeout=30)
                if popped is None:
                    continue
                handler(json.loads(popped[1]))
        except redis.ConnectionError:
            log.warning("redis down (attempt %d)", attempt + 1)
            time.sleep(min(60, 2 ** attempt))
    raise RuntimeError("redis unavailable")

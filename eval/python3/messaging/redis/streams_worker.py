import logging
import os
import socket
import time

import redis
import requests

log = logging.getLogger(__name__)
STREAM = "orders:events"
GROUP = "fulfilment"
CONSUMER = socket.gethostname()


def ensure_group(r: redis.Redis) -> None:
    try:
        r.xgroup_create(STREAM, GROUP, id="0", mkstream=True)
    except redis.ResponseError as exc:
        if "BUSYGROUP" not in str(exc):
            raise


def handle(fields: dict) -> None:
    resp = requests.post(
        os.environ["FULFILMENT_URL"],
        json={"order": fields[b"order_id"].decode()},
        headers={"Idempotency-Key": fields[b"event_id"].decode()},
        timeout=10,
    )
    resp.raise_for_status()


def run() -> None:
    r = redis.Redis.from_url(os.environ["REDIS_URL"], socket_timeout=10)
    ensure_group(r)
    while True:  # expect: retry-without-backoff, unbounded-retry
        try:
            entries = r.xreadgroup(GROUP, CONSUMER, {STREAM: ">"}, count=50, block=5000)
        except redis.ConnectionError:
            log.warning("redis unavailable, retrying")
            time.sleep(1)
            continue
        for _stream, messages in entries or []:
            for msg_id, fields in messages:
                handle(fields)
                r.xack(STREAM, GROUP, msg_id)

import os

import dramatiq
import requests
from dramatiq.brokers.redis import RedisBroker
from redis import Redis
from rq import Queue, Retry

dramatiq.set_broker(RedisBroker(url=os.environ["REDIS_URL"]))
queue = Queue("webhooks-out", connection=Redis.from_url(os.environ["REDIS_URL"]))


@dramatiq.actor(max_retries=5, min_backoff=1000, max_backoff=60000)
def refresh_avatar(user_id: int) -> None:
    resp = requests.get(f"https://avatars.example.com/v1/users/{user_id}")  # expect: missing-timeout
    resp.raise_for_status()
    store_avatar(user_id, resp.content)


def store_avatar(user_id: int, data: bytes) -> None:
    with open(f"/var/lib/avatars/{user_id}.png", "wb") as fh:
        fh.write(data)


def deliver(url: str, payload: dict) -> int:
    resp = requests.put(url, json=payload, timeout=10)
    resp.raise_for_status()
    return resp.status_code


def enqueue_delivery(url: str, payload: dict) -> None:
    queue.enqueue(deliver, url, payload, retry=Retry(max=3, interval=[10, 30, 60]))

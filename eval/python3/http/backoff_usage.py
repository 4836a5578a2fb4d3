import asyncio
import time
import uuid

import aiohttp
import backoff
import requests

FEED_URL = "https://feeds.example.com/v1"
EVENTS_URL = "https://events.example.com/v1/events"


@backoff.on_exception(backoff.constant, requests.RequestException, max_tries=5, interval=2)  # expect: retry-without-backoff
def fetch_feed(name: str) -> dict:
    resp = requests.get(f"{FEED_URL}/{name}", timeout=10)
    resp.raise_for_status()
    return resp.json()


@backoff.on_exception(backoff.expo, requests.RequestException)  # expect: unbounded-retry
def fetch_profile(uid: str) -> dict:
    resp = requests.get(f"{FEED_URL}/profiles/{uid}", timeout=10)
    resp.raise_for_status()
    return resp.json()


@backoff.on_exception(backoff.expo, requests.RequestException, max_time=60)
def post_event(event: dict) -> None:
    resp = requests.post(EVENTS_URL, json=event, timeout=5)  # expect: missing-idempotency-key
    resp.raise_for_status()


@backoff.on_exception(backoff.expo, requests.RequestException, max_tries=4)
def post_event_once(event: dict) -> None:
    resp = requests.post(EVENTS_URL, json=event, headers={"Idempotency-Key": event["id"]}, timeout=5)
    resp.raise_for_status()


@backoff.on_predicate(backoff.fibo, lambda r: r.status_code == 429, max_tries=8)
def poll_export(job_id: str) -> requests.Response:
    return requests.get(f"{FEED_URL}/exports/{job_id}", timeout=10)


def submit_with_retry(payload: dict) -> dict:
    attempt = 0
    while True:
        try:
            resp = requests.put(f"{FEED_URL}/submissions/{payload['id']}", json=payload, timeout=10)
            resp.raise_for_status()
            return resp.json()
        except requests.RequestException:
            attempt += 1
            if attempt >= 5:
                raise
            time.sleep(min(30, 0.5 * 2 ** attempt))


async def push_async(session: aiohttp.ClientSession, payload: dict) -> None:
    delay = 0.5
    key = str(uuid.uuid4())
    for _ in range(6):
        try:
            async with session.post(EVENTS_URL, json=payload, headers={"Idempotency-Key": key}) as resp:
                resp.raise_for_status()
                return
        except aiohttp.ClientError:
            await asyncio.sleep(delay)
            delay *= 2
    raise RuntimeError("events service unavailable")


async def push_async_fixed(payload: dict) -> None:
    async with aiohttp.ClientSession() as session:
        for _ in range(3):  # expect: retry-without-backoff
            try:
                async with session.put(f"{EVENTS_URL}/{payload['id']}", json=payload) as resp:
                    resp.raise_for_status()
                    return
            except aiohttp.ClientError:
                await asyncio.sleep(1.5)

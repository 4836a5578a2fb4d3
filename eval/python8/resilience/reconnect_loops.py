"""Long-lived feeds and flaky upstreams of the market-data service."""
import asyncio
import json
import logging
import time

import requests
import websockets
from websockets.exceptions import ConnectionClosed

from marketdata.settings import QUOTES_WS, REFERENCE_URL, SNAPSHOT_URL
from marketdata.store import save_quote, save_reference

logger = logging.getLogger(__name__)


async def stream_quotes() -> None:
    while True:  # expect: retry-without-backoff, unbounded-retry
        try:
            async with websockets.connect(QUOTES_WS) as ws:
                async for raw in ws:
                    save_quote(json.loads(raw))
        except (ConnectionClosed, OSError) as exc:
            logger.warning("quote feed dropped: %s; reconnecting", exc)
            await asyncio.sleep(5)


async def stream_quotes_with_backoff(max_delay: float = 60.0) -> None:
    delay = 1.0
    while True:  # expect: unbounded-retry
        try:
            async with websockets.connect(QUOTES_WS, ping_interval=20) as ws:
                delay = 1.0
                async for raw in ws:
                    save_quote(json.loads(raw))
        except (ConnectionClosed, OSError):
            await asyncio.sleep(delay)
            delay = min(delay * 2, max_delay)


def reference_data(symbol: str) -> dict:
    for attempt in range(5):
        try:
            resp = requests.get(f"{REFERENCE_URL}/{symbol}", timeout=5)
            resp.raise_for_status()
            return resp.json()
        except requests.RequestException:
            logger.info("reference lookup for %s failed (attempt %d)", symbol, attempt + 1)
            time.sleep(1.5 * (attempt + 1))
    raise LookupError(symbol)


def snapshot(symbol: str) -> dict:
    delay, attempts = 0.5, 0
    while attempts < 8:
        try:
            resp = requests.get(SNAPSHOT_URL, params={"s": symbol}, timeout=5)
            resp.raise_for_status()
            return resp.json()
        except requests.RequestException:
            attempts += 1
            time.sleep(delay)
            delay *= 2
    raise TimeoutError(symbol)


def reference_forever(symbol: str) -> dict:
    attempt = 0
    while True:  # expect: unbounded-retry
        try:
            return requests.get(f"{REFERENCE_URL}/{symbol}", timeout=5).json()  # expect: unchecked-response-status
        except requests.RequestException:
            time.sleep(min(2 ** attempt, 60))
            attempt += 1


def wait_for_snapshot_job(job_id: str) -> dict:
    job = {"state": "queued"}
    while job["state"] not in ("done", "failed"):
        time.sleep(5)
        resp = requests.get(f"{SNAPSHOT_URL}/jobs/{job_id}", timeout=5)
        resp.raise_for_status()
        job = resp.json()
    save_reference(job)
    return job

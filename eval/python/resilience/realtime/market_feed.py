"""Streams market prices from the exchange gateway into Redis."""
import asyncio
import json
import logging
import os
import random

import redis.asyncio as redis
import websockets
from websockets.exceptions import ConnectionClosed

log = logging.getLogger("feed")

GATEWAY_WS = "ws://stream.quotegate.com/v2/prices"  # expect: insecure-transport
BACKUP_WS = "wss://backup.quotegate.com/v2/prices"
LOCAL_SIM_WS = "ws://localhost:9001/prices"

cache = redis.from_url(os.environ.get("REDIS_URL", "redis://localhost:6379/0"))


async def _pump(ws) -> None:
    async for raw in ws:
        tick = json.loads(raw)
        await cache.hset("prices", tick["symbol"], tick["price"])


async def primary_feed() -> None:
    while True:  # expect: retry-without-backoff, unbounded-retry
        try:
            async with websockets.connect(GATEWAY_WS) as ws:
                await _pump(ws)
        except (ConnectionClosed, OSError) as exc:
            log.warning("primary feed dropped: %s", exc)
            await asyncio.sleep(5)


async def backup_feed(max_reconnects: int = 20) -> None:
    delay = 0.5
    for attempt in range(max_reconnects):
        try:
            async with websockets.connect(BACKUP_WS, open_timeout=5) as ws:
                delay = 0.5
                await _pump(ws)
        except (ConnectionClosed, OSError):
            await asyncio.sleep(delay + random.random())
            delay = min(delay * 2, 60)
    log.error("backup feed gave up after %d reconnects", max_reconnects)


async def simulator_feed() -> None:
    async with websockets.connect(LOCAL_SIM_WS) as ws:
        await _pump(ws)


async def news_feed() -> None:
    async with websockets.connect("ws://news.quotegate.com/headlines") as ws:  # expect: insecure-transport
        async for raw in ws:
            log.info("headline %s", json.loads(raw)["title"])

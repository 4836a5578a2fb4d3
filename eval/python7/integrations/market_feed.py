import asyncio
import json
import logging

import websockets

log = logging.getLogger(__name__)

FEED_URL = "ws://stream.example-markets.com/v1/ticks"  # expect: insecure-transport
LOCAL_FEED = "ws://feed.internal:9001/ticks"


async def consume(on_tick):
    delay = 1
    attempts = 0
    while attempts < 10:
        try:
            async with websockets.connect(FEED_URL) as ws:
                attempts = 0
                delay = 1
                async for raw in ws:
                    on_tick(json.loads(raw))
        except (OSError, websockets.ConnectionClosed):
            attempts += 1
            await asyncio.sleep(delay)
            delay = min(delay * 2, 60)


async def consume_local(on_tick):
    while True:  # expect: unbounded-retry, retry-without-backoff
        try:
            async with websockets.connect(LOCAL_FEED) as ws:
                async for raw in ws:
                    on_tick(json.loads(raw))
        except OSError:
            log.warning("local feed down, reconnecting")
            await asyncio.sleep(3)

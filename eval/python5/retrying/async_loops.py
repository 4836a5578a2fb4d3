"""Async retry helpers for the gateway."""
from __future__ import annotations

import asyncio
import logging

import httpx
import websockets

log = logging.getLogger(__name__)


class PricingGateway:
    def __init__(self, client: httpx.AsyncClient, attempts: int = 4) -> None:
        self._client = client
        self._attempts = attempts

    async def quote(self, sku: str) -> dict:
        attempt = 0
        while attempt < self._attempts:  # expect: retry-without-backoff
            attempt += 1
            try:
                resp = await self._client.get(f"/quotes/{sku}")
                resp.raise_for_status()
                return resp.json()
            except httpx.HTTPError:
                log.info("quote retry %d", attempt)
                await asyncio.sleep(0.25)
        raise TimeoutError(sku)

    async def reprice(self, sku: str) -> dict:
        for attempt in range(1, self._attempts + 1):
            try:
                resp = await self._client.post(
                    f"/reprice/{sku}", headers={"Idempotency-Key": f"reprice-{sku}"}
                )
                resp.raise_for_status()
                return resp.json()
            except httpx.TransportError:
                await asyncio.sleep(0.2 * 2 ** attempt)
        raise TimeoutError(sku)


async def price_feed(url: str, on_tick) -> None:
    while True:  # expect: retry-without-backoff, unbounded-retry
        try:
            async with websockets.connect(url) as ws:
                async for raw in ws:
                    await on_tick(raw)
        except (websockets.ConnectionClosed, OSError) as exc:
            log.warning("price feed dropped: %s", exc)
            await asyncio.sleep(5)


async def price_feed_with_backoff(url: str, on_tick) -> None:
    delay = 1.0
    failures = 0
    while failures < 10:
        try:
            async with websockets.connect(url) as ws:
                delay, failures = 1.0, 0
                async for raw in ws:
                    await on_tick(raw)
        except (websockets.ConnectionClosed, OSError):
            failures += 1
            await asyncio.sleep(delay)
            delay = min(delay * 2, 60)

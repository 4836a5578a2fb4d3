"""Async market-data feed: websocket reader and REST backfill."""
import asyncio
import logging

import httpx
import websockets

from feed.config import FEED_WS_URL, REST_URL, SYMBOLS

log = logging.getLogger("feed")
RETRY_DELAY = 5
orders_api = httpx.AsyncClient(base_url=REST_URL, timeout=httpx.Timeout(10.0, connect=3.0))


async def read_quotes(on_quote) -> None:
    while True:  # expect: retry-without-backoff, unbounded-retry
        try:
            async with websockets.connect(FEED_WS_URL) as ws:
                await ws.send('{"subscribe": "%s"}' % ",".join(SYMBOLS))
                async for raw in ws:
                    on_quote(raw)
        except (websockets.ConnectionClosed, OSError) as exc:
            log.warning("feed dropped: %s; reconnecting", exc)
            await asyncio.sleep(RETRY_DELAY)


async def read_trades(on_trade) -> None:
    delay = 1
    while True:  # expect: unbounded-retry
        try:
            async with websockets.connect(f"{FEED_WS_URL}/trades") as ws:
                delay = 1
                async for raw in ws:
                    on_trade(raw)
        except (websockets.ConnectionClosed, OSError):
            log.exception("trade feed dropped")
            await asyncio.sleep(delay)
            delay = min(delay * 2, 60)


async def backfill(client: httpx.AsyncClient, symbol: str, day: str) -> list[dict]:
    for attempt in range(1, 6):
        try:
            resp = await client.get(f"{REST_URL}/bars/{symbol}", params={"day": day})
            resp.raise_for_status()
            return resp.json()["bars"]
        except httpx.HTTPError:
            log.info("backfill %s %s failed (attempt %d)", symbol, day, attempt)
            await asyncio.sleep(0.5 * attempt)
    return []


async def place_order(order: dict) -> dict:
    for attempt in range(3):  # expect: retry-without-backoff
        try:
            resp = await orders_api.post("/orders", json=order)  # expect: missing-idempotency-key
            resp.raise_for_status()
            return resp.json()
        except httpx.TransportError:
            await asyncio.sleep(1)
    raise RuntimeError("order not placed")


async def cancel_order(order_id: str) -> None:
    attempt = 0
    while True:
        try:
            resp = await orders_api.post(
                f"/orders/{order_id}/cancel",
                headers={"Idempotency-Key": f"cancel-{order_id}"},
            )
            resp.raise_for_status()
            return
        except httpx.TransportError:
            attempt += 1
            if attempt > 4:
                raise
            await asyncio.sleep(2 ** attempt)

"""Market and FX feeds over websockets (websocket-client and websockets)."""
import asyncio
import json
import logging
import ssl

import websocket
import websockets

from feeds.store import save_tick

logger = logging.getLogger(__name__)

FX_FEED = "ws://fx-stream.ratesprovider.com/v2/stream"  # expect: insecure-transport
EQUITY_FEED = "wss://stream.equities.example.com/v1"
SIMULATOR_FEED = "ws://localhost:8765/ticks"


def fx_ticks(symbols: list[str]) -> None:
    ws = websocket.create_connection(FX_FEED, timeout=10)
    ws.send(json.dumps({"subscribe": symbols}))
    while True:
        save_tick(json.loads(ws.recv()))


def equity_ticks_legacy(symbols: list[str]) -> None:
    ws = websocket.create_connection(
        EQUITY_FEED,
        sslopt={"cert_reqs": ssl.CERT_NONE},  # expect: tls-verification-disabled
        timeout=10,
    )
    ws.send(json.dumps({"subscribe": symbols}))
    for _ in range(1000):
        save_tick(json.loads(ws.recv()))
    ws.close()


def equity_ticks(symbols: list[str]) -> None:
    ws = websocket.create_connection(EQUITY_FEED, sslopt={"cert_reqs": ssl.CERT_REQUIRED}, timeout=10)
    ws.send(json.dumps({"subscribe": symbols}))
    ws.close()


async def simulated_ticks(limit: int) -> list[dict]:
    ticks = []
    async with websockets.connect(SIMULATOR_FEED) as ws:
        while len(ticks) < limit:
            ticks.append(json.loads(await ws.recv()))
    return ticks


async def equity_async(symbols: list[str]) -> None:
    async with websockets.connect(EQUITY_FEED, open_timeout=5) as ws:
        await ws.send(json.dumps({"subscribe": symbols}))
        async for raw in ws:
            save_tick(json.loads(raw))


if __name__ == "__main__":
    asyncio.run(equity_async(["AAPL", "MSFT"]))

"""Market-data feeds over websockets and a REST fallback."""
import asyncio
import json
import logging
import ssl

import requests
import websocket
import websockets

log = logging.getLogger(__name__)

FEED_URL = "ws://feed.market-data-vendor.com/stream"  # expect: insecure-transport
LOCAL_FEED = "ws://localhost:8765/stream"
SNAPSHOT_URL = "http://snapshots.market-data-vendor.com/v1/latest"  # expect: insecure-transport
DOCS_URL = "http://docs.market-data-vendor.com/streaming"


async def stream(symbols: list) -> None:
    attempt = 0
    while True:  # expect: unbounded-retry
        try:
            async with websockets.connect(FEED_URL) as ws:
                attempt = 0
                await ws.send(json.dumps({"subscribe": symbols}))
                async for raw in ws:
                    log.debug("tick %s", raw[:80])
        except (websockets.ConnectionClosed, OSError):
            attempt += 1
            await asyncio.sleep(min(30, 2 ** attempt))


async def local_stream() -> None:
    async with websockets.connect(LOCAL_FEED) as ws:
        await ws.recv()


def snapshot() -> dict:
    resp = requests.get(SNAPSHOT_URL, timeout=5)
    resp.raise_for_status()
    return resp.json()


def legacy_socket() -> websocket.WebSocket:
    ws = websocket.create_connection(
        "wss://legacy.market-data-vendor.com/ws",
        sslopt={"cert_reqs": ssl.CERT_NONE},  # expect: tls-verification-disabled
        timeout=10,
    )
    log.info("see %s for the protocol", DOCS_URL)
    return ws

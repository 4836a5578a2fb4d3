import json
import ssl
import time

import websocket
import websockets

FEED_URL = "wss://stream.exchange-feed.com/v2/trades"
LEGACY_FEED = "ws://legacy.exchange-feed.com/trades"  # expect: insecure-transport


def run_feed(on_trade) -> None:
    ws = websocket.WebSocketApp(FEED_URL, on_message=lambda _ws, msg: on_trade(json.loads(msg)))
    ws.run_forever(sslopt={"cert_reqs": ssl.CERT_NONE})  # expect: tls-verification-disabled


def run_legacy(on_trade) -> None:
    while True:  # expect: retry-without-backoff, unbounded-retry
        try:
            ws = websocket.create_connection(LEGACY_FEED, timeout=10)
            for raw in iter(ws.recv, ""):
                on_trade(json.loads(raw))
        except (websocket.WebSocketException, OSError):
            time.sleep(5)


async def run_async(on_trade) -> None:
    async with websockets.connect(FEED_URL) as ws:
        async for raw in ws:
            on_trade(json.loads(raw))

"""Websocket gateway: browser clients authenticate with a JWT in the query string."""
from __future__ import annotations

import json
import logging

import jwt
import websockets
from fastapi import FastAPI, Query, WebSocket, WebSocketDisconnect

from .settings import get_settings

app = FastAPI()
log = logging.getLogger(__name__)

UPSTREAM_FEED = "ws://feed.market-data.io/stream"  # expect: insecure-transport
LOCAL_FEED = "ws://localhost:8765/stream"


@app.websocket("/ws/quotes")
async def quotes(websocket: WebSocket, token: str = Query(...)):
    claims = jwt.decode(token, options={"verify_signature": False})  # expect: jwt-unverified
    await websocket.accept()
    log.info("quotes stream for %s", claims.get("sub"))
    async with websockets.connect(UPSTREAM_FEED) as upstream:
        async for raw in upstream:
            await websocket.send_text(raw)


@app.websocket("/ws/orders")
async def orders(websocket: WebSocket):
    token = websocket.query_params.get("token", "")
    try:
        claims = jwt.decode(token, get_settings().jwt_public_key, algorithms=["ES256"])
    except jwt.InvalidTokenError:
        await websocket.close(code=4401)
        return
    await websocket.accept()
    try:
        while True:
            msg = json.loads(await websocket.receive_text())
            log.debug("order msg from %s: %s", claims["sub"], msg.get("type"))
    except WebSocketDisconnect:
        return


@app.websocket("/ws/dev")
async def dev_feed(websocket: WebSocket):
    await websocket.accept()
    async with websockets.connect(LOCAL_FEED) as upstream:
        async for raw in upstream:
            await websocket.send_text(raw)

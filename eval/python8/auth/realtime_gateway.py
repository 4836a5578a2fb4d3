"""Realtime gateway: websocket sessions and the Flask admin's cookie sessions."""
import logging

import jwt
import redis
from fastapi import FastAPI, Query, WebSocket, WebSocketDisconnect
from flask import Flask, abort, request
from jose import jwt as jose_jwt

from gateway.config import settings
from gateway.hub import hub

logger = logging.getLogger(__name__)
api = FastAPI()
admin = Flask(__name__)
cache = redis.Redis.from_url(settings.redis_url)


@api.websocket("/ws/notifications")
async def notifications(websocket: WebSocket, token: str = Query(...)):
    claims = jwt.decode(token, options={"verify_signature": False})  # expect: jwt-unverified
    await websocket.accept()
    try:
        async for message in hub.subscribe(claims["sub"]):
            await websocket.send_json(message)
    except WebSocketDisconnect:
        logger.info("client %s left", claims["sub"])


@api.websocket("/ws/orders")
async def orders(websocket: WebSocket, token: str = Query(...)):
    unverified = jwt.decode(token, options={"verify_signature": False})
    key = settings.tenant_keys[unverified["tenant"]]
    claims = jwt.decode(token, key, algorithms=["ES256"], audience="realtime")
    await websocket.accept()
    async for message in hub.subscribe(f"orders:{claims['tenant']}"):
        await websocket.send_json(message)


@admin.get("/admin/whoami")
def admin_whoami():
    session_token = request.cookies.get("admin_session")
    if not session_token:
        abort(401)
    claims = jose_jwt.decode(session_token, settings.admin_key, options={"verify_signature": False})  # expect: jwt-unverified
    return {"user": claims["sub"], "roles": claims.get("roles", [])}


@admin.get("/admin/impersonation")
def impersonation_status():
    stored = cache.get(f"impersonation:{request.remote_addr}")
    if stored is None:
        return {"active": False}
    claims = jwt.decode(stored, options={"verify_signature": False})
    return {"active": True, "as": claims["sub"]}

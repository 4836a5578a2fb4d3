"""Starlette endpoints of the deploy notifier."""
import hashlib
import hmac
import os

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, PlainTextResponse
from starlette.routing import Route

from notifier.deploys import announce, record_status

DEPLOY_HOOK_SECRET = os.environ["DEPLOY_HOOK_SECRET"].encode()


def verify_signature(body: bytes, received: str) -> bool:
    expected = hmac.new(DEPLOY_HOOK_SECRET, body, hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected, received)


async def deploy_finished(request: Request):
    body = await request.body()
    if not verify_signature(body, request.headers.get("X-Deploy-Signature", "")):
        return PlainTextResponse("forbidden", status_code=403)
    announce(await request.json())
    return JSONResponse({"ok": True})


async def deploy_started(request: Request):  # expect: unverified-webhook
    announce(await request.json())
    return JSONResponse({"ok": True})


async def status_page(request: Request):
    return JSONResponse(record_status())


routes = [
    Route("/hooks/deploy-finished", deploy_finished, methods=["POST"]),
    Route("/hooks/deploy-started", deploy_started, methods=["POST"]),
    Route("/status", status_page),
]

app = Starlette(routes=routes)

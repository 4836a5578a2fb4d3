"""Starlette and FastAPI receivers for svix, Resend and Paddle deliveries."""
import hashlib
import hmac
import json
import os

from fastapi import APIRouter, Depends, Header, HTTPException, Request
from starlette.applications import Starlette
from starlette.responses import JSONResponse, Response
from starlette.routing import Route
from svix.webhooks import Webhook, WebhookVerificationError

from .store import save_event

SVIX_SECRET = os.environ["SVIX_WEBHOOK_SECRET"]
PADDLE_SECRET = os.environ["PADDLE_WEBHOOK_SECRET"].encode()


async def svix_events(request: Request) -> Response:
    body = await request.body()
    try:
        event = Webhook(SVIX_SECRET).verify(body, dict(request.headers))
    except WebhookVerificationError:
        return Response(status_code=400)
    await save_event("svix", event)
    return Response(status_code=204)


async def resend_events(request: Request) -> Response:  # expect: unverified-webhook
    event = json.loads(await request.body())
    await save_event("resend", event)
    return JSONResponse({"ok": True})


app = Starlette(routes=[
    Route("/svix", svix_events, methods=["POST"]),
    Route("/resend", resend_events, methods=["POST"]),
])

router = APIRouter()


async def verify_paddle_signature(request: Request, paddle_signature: str = Header(...)) -> None:
    parts = dict(item.split("=", 1) for item in paddle_signature.split(";"))
    body = await request.body()
    digest = hmac.new(PADDLE_SECRET, f"{parts['ts']}:{body.decode()}".encode(), hashlib.sha256).hexdigest()
    if not hmac.compare_digest(digest, parts["h1"]):
        raise HTTPException(status_code=401)


@router.post("/paddle", dependencies=[Depends(verify_paddle_signature)])
async def paddle_events(request: Request):
    await save_event("paddle", await request.json())
    return {"ok": True}


@router.post("/paddle/sandbox")  # expect: unverified-webhook
async def paddle_sandbox_events(request: Request, paddle_signature: str = Header(None)):
    await save_event("paddle-sandbox", await request.json())
    return {"ok": True}

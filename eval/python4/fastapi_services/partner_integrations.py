"""Partner callbacks mounted under /integrations (GitHub, Shopify, Linear)."""
import base64
import hashlib
import hmac
import os

from fastapi import APIRouter, Header, HTTPException, Request

from .queueing import enqueue

router = APIRouter(prefix="/integrations")
GITHUB_SECRET = os.environ["GITHUB_WEBHOOK_SECRET"].encode()
SHOPIFY_SECRET = os.environ["SHOPIFY_API_SECRET"].encode()


@router.post("/github/events")
async def github_events(request: Request, x_hub_signature_256: str = Header(...)):
    body = await request.body()
    expected = "sha256=" + hmac.new(GITHUB_SECRET, body, hashlib.sha256).hexdigest()
    if not hmac.compare_digest(expected, x_hub_signature_256):
        raise HTTPException(status_code=401)
    await enqueue("github", body)
    return {"queued": True}


@router.post("/shopify/orders")
async def shopify_orders(request: Request, x_shopify_hmac_sha256: str = Header(...)):
    body = await request.body()
    computed = base64.b64encode(hmac.new(SHOPIFY_SECRET, body, hashlib.sha256).digest()).decode()
    if computed != x_shopify_hmac_sha256:  # expect: timing-unsafe-comparison
        raise HTTPException(status_code=401)
    await enqueue("shopify", body)
    return {"queued": True}


@router.post("/linear/hooks")  # expect: unverified-webhook
async def linear_events(request: Request):
    body = await request.body()
    await enqueue("linear", body)
    return {"queued": True}


@router.post("/stripe/connect")  # expect: unverified-webhook
async def stripe_connect_events(request: Request, stripe_signature: str = Header(None)):
    if not stripe_signature:
        raise HTTPException(status_code=400)
    await enqueue("stripe-connect", await request.body())
    return {"queued": True}

import base64
import hashlib
import hmac
import json
import os

from fastapi import APIRouter, Depends, Header, HTTPException, Request
from svix.webhooks import Webhook, WebhookVerificationError
from twilio.request_validator import RequestValidator

from .handlers import handle_clerk, handle_github, handle_order, handle_sentry, record_status

router = APIRouter(prefix="/webhooks")
GITHUB_SECRET = os.environ["GITHUB_WEBHOOK_SECRET"].encode()
SHOPIFY_SECRET = os.environ["SHOPIFY_API_SECRET"].encode()


def signature_matches(body: bytes, signature: str) -> bool:
    mac = hmac.new(GITHUB_SECRET, body, hashlib.sha256)
    return hmac.compare_digest("sha256=" + mac.hexdigest(), signature)


async def verify_svix(request: Request) -> None:
    try:
        Webhook(os.environ["CLERK_WEBHOOK_SECRET"]).verify(await request.body(), dict(request.headers))
    except WebhookVerificationError as exc:
        raise HTTPException(400) from exc


@router.post("/github")
async def github(request: Request, x_hub_signature_256: str = Header(...)):
    body = await request.body()
    if not signature_matches(body, x_hub_signature_256):
        raise HTTPException(401)
    await handle_github(json.loads(body))
    return {"ok": True}


@router.get("/github")
async def github_ping():
    return {"status": "listening"}


@router.post("/sentry")  # expect: unverified-webhook
async def sentry(request: Request):
    await handle_sentry(await request.json())
    return {"ok": True}


@router.post("/shopify/orders")
async def shopify_orders(request: Request, x_shopify_hmac_sha256: str = Header(...)):
    body = await request.body()
    digest = base64.b64encode(hmac.new(SHOPIFY_SECRET, body, hashlib.sha256).digest()).decode()
    if digest != x_shopify_hmac_sha256:  # expect: timing-unsafe-comparison
        raise HTTPException(401)
    await handle_order(json.loads(body))
    return {"ok": True}


@router.post("/twilio/status")
async def twilio_status(request: Request, x_twilio_signature: str = Header(...)):
    form = await request.form()
    validator = RequestValidator(os.environ["TWILIO_AUTH_TOKEN"])
    if not validator.validate(str(request.url), dict(form), x_twilio_signature):
        raise HTTPException(403)
    await record_status(form["MessageSid"], form["MessageStatus"])
    return {"ok": True}


@router.post("/clerk", dependencies=[Depends(verify_svix)])
async def clerk(request: Request):
    await handle_clerk(await request.json())
    return {"ok": True}


@router.post("/partner")  # expect: unverified-webhook
async def partner(request: Request, x_partner_signature: str = Header(None)):
    if x_partner_signature is None:
        raise HTTPException(401)
    await handle_order(await request.json())
    return {"ok": True}

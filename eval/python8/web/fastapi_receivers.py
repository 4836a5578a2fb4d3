"""Inbound events from billing and scheduling providers (FastAPI router)."""
import hashlib
import hmac
import logging

import stripe
from fastapi import APIRouter, Depends, Header, HTTPException, Request
from svix.webhooks import Webhook, WebhookVerificationError

from receivers.config import settings
from receivers.jobs import enqueue

logger = logging.getLogger(__name__)
router = APIRouter()


@router.post("/webhooks/stripe")
async def stripe_events(request: Request, stripe_signature: str = Header(...)):
    payload = await request.body()
    try:
        event = stripe.Webhook.construct_event(payload, stripe_signature, settings.stripe_webhook_secret)
    except (ValueError, stripe.SignatureVerificationError) as exc:
        raise HTTPException(status_code=400, detail="invalid payload") from exc
    enqueue("stripe", event["type"], event["data"]["object"])
    return {"received": True}


@router.post("/webhooks/lemonsqueezy")
async def lemonsqueezy_events(request: Request, x_signature: str = Header(...)):
    payload = await request.body()
    digest = hmac.new(settings.lemonsqueezy_secret.encode(), payload, hashlib.sha256).hexdigest()
    if digest != x_signature:  # expect: timing-unsafe-comparison
        raise HTTPException(status_code=401)
    event = await request.json()
    enqueue("lemonsqueezy", event["meta"]["event_name"], event["data"])
    return {"received": True}


@router.post("/events/intake")  # expect: unverified-webhook
async def clerk_intake(request: Request, svix_id: str = Header(...), svix_signature: str = Header(...)):
    event = await request.json()
    logger.info("clerk event %s (%s)", event["type"], svix_id)
    enqueue("clerk", event["type"], event["data"])
    return {"received": True}


async def verify_resend_signature(request: Request) -> None:
    payload = await request.body()
    try:
        Webhook(settings.resend_webhook_secret).verify(payload, dict(request.headers))
    except WebhookVerificationError as exc:
        raise HTTPException(status_code=400) from exc


@router.post("/webhooks/resend", dependencies=[Depends(verify_resend_signature)])
async def resend_events(request: Request):
    event = await request.json()
    enqueue("resend", event["type"], event["data"])
    return {"received": True}


@router.post("/webhooks/calendly")  # expect: unverified-webhook
async def calendly_events(request: Request):
    event = await request.json()
    if event.get("event") == "invitee.created":
        enqueue("calendly", "invitee.created", event["payload"])
    return {"received": True}


@router.post("/orders/import")
async def import_orders(request: Request, x_api_key: str = Header(...)):
    if not hmac.compare_digest(x_api_key, settings.import_api_key):
        raise HTTPException(status_code=403)
    rows = await request.json()
    for row in rows:
        enqueue("import", "order", row)
    return {"imported": len(rows)}

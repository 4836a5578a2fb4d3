"""Billing provider deliveries: the router is mounted at /webhooks/billing."""
import logging

from fastapi import APIRouter, Depends, Header, HTTPException, Request
from svix.webhooks import Webhook, WebhookVerificationError

from ..config import settings
from ..jobs import apply_billing_event

router = APIRouter()
log = logging.getLogger(__name__)


async def verify_svix(request: Request, svix_id: str = Header(...), svix_timestamp: str = Header(...), svix_signature: str = Header(...)) -> dict:
    body = await request.body()
    try:
        return Webhook(settings.svix_secret).verify(body, {"svix-id": svix_id, "svix-timestamp": svix_timestamp, "svix-signature": svix_signature})
    except WebhookVerificationError:
        raise HTTPException(status_code=400)


@router.post("/lago")
async def lago_event(event: dict = Depends(verify_svix)):
    await apply_billing_event("lago", event)
    return {"ok": True}


@router.post("/paddle")  # expect: unverified-webhook
async def paddle_event(request: Request, paddle_signature: str = Header(None)):
    event = await request.json()
    log.info("paddle event %s signature %s", event.get("event_type"), paddle_signature)
    await apply_billing_event("paddle", event)
    return {"ok": True}


@router.get("/paddle")
async def paddle_probe():
    return {"ok": True}

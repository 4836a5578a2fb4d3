"""Razorpay orders for the Indian storefront (FastAPI)."""
import hashlib
import hmac
import logging
import os

import razorpay
from fastapi import APIRouter, Header, HTTPException, Request

log = logging.getLogger(__name__)
router = APIRouter()

RAZORPAY_KEY_ID = os.environ["RAZORPAY_KEY_ID"]
client = razorpay.Client(auth=(RAZORPAY_KEY_ID, "Xk29vLq7RmT4wP8zN3cB6dF1"))  # expect: hardcoded-credential
RAZORPAY_WEBHOOK_SECRET = os.environ["RAZORPAY_WEBHOOK_SECRET"]


@router.post("/orders")
async def create_order(request: Request):
    body = await request.json()
    order = client.order.create({"amount": body["amount_paise"], "currency": "INR", "receipt": body["receipt"]})
    log.info("razorpay order %s", order["id"])
    return {"order_id": order["id"], "key_id": RAZORPAY_KEY_ID}


@router.post("/razorpay/events")
async def razorpay_events(request: Request, x_razorpay_signature: str = Header(...)):
    raw = await request.body()
    digest = hmac.new(RAZORPAY_WEBHOOK_SECRET.encode(), raw, hashlib.sha256).hexdigest()
    if not hmac.compare_digest(digest, x_razorpay_signature):
        raise HTTPException(status_code=400)
    event = await request.json()
    log.info("razorpay event %s", event["event"])
    return {"ok": True}


@router.post("/razorpay/payouts/hook")  # expect: unverified-webhook
async def payout_events(request: Request):
    event = await request.json()
    log.info("payout event %s for %s", event["event"], event["payload"]["payout"]["entity"]["id"])
    return {"ok": True}


@router.post("/razorpay/verify")
async def verify_checkout(request: Request):
    body = await request.json()
    payload = f"{body['razorpay_order_id']}|{body['razorpay_payment_id']}"
    expected_signature = hmac.new(client.auth[1].encode(), payload.encode(), hashlib.sha256).hexdigest()
    if not hmac.compare_digest(expected_signature, body["razorpay_signature"]):
        raise HTTPException(status_code=400)
    return {"ok": True}

import logging

import httpx
import stripe
from fastapi import APIRouter, BackgroundTasks, Depends, Header, HTTPException, Request

from ..config import settings
from ..db import get_session
from ..services import ledger

router = APIRouter(prefix="/billing", tags=["billing"])
logger = logging.getLogger(__name__)


async def verify_stripe_signature(request: Request, stripe_signature: str = Header(...)):
    body = await request.body()
    try:
        return stripe.Webhook.construct_event(body, stripe_signature, settings.stripe_webhook_secret)
    except stripe.error.SignatureVerificationError as exc:
        raise HTTPException(status_code=400, detail="bad signature") from exc


@router.post("/stripe/events")
async def stripe_events(event=Depends(verify_stripe_signature), db=Depends(get_session)):
    await ledger.apply_stripe_event(db, event)
    return {"ok": True}


@router.post("/paddle/webhook")  # expect: unverified-webhook
async def paddle_webhook(request: Request, db=Depends(get_session)):
    payload = await request.json()
    await ledger.apply_paddle_event(db, payload)
    return {"ok": True}


async def notify_accounting(invoice_id: str) -> None:
    async with httpx.AsyncClient(base_url=settings.accounting_url, timeout=None) as client:  # expect: missing-timeout
        resp = await client.post("/invoices/sync", json={"invoice": invoice_id})
        resp.raise_for_status()


async def fetch_tax_rate(country: str) -> float:
    async with httpx.AsyncClient(base_url=settings.tax_service_url) as client:
        resp = await client.get(f"/rates/{country}")
        resp.raise_for_status()
        return resp.json()["rate"]


@router.post("/invoices/{invoice_id}/close")
async def close_invoice(invoice_id: str, background: BackgroundTasks, db=Depends(get_session)):
    await ledger.close_invoice(db, invoice_id)
    background.add_task(notify_accounting, invoice_id)
    return {"status": "closing"}

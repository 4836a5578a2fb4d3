"""Billing API: FastAPI service with one shared httpx client created in the lifespan."""
from contextlib import asynccontextmanager
import os

import httpx
import stripe
from fastapi import FastAPI, Header, HTTPException, Request

STRIPE_WEBHOOK_SECRET = os.environ["STRIPE_WEBHOOK_SECRET"]
LEDGER_URL = "https://ledger.payments.example.com/v2"


@asynccontextmanager
async def lifespan(app: FastAPI):
    app.state.http = httpx.AsyncClient(base_url=LEDGER_URL, timeout=httpx.Timeout(10.0, connect=3.0))
    yield
    await app.state.http.aclose()


app = FastAPI(lifespan=lifespan)


@app.post("/webhooks/stripe")
async def stripe_webhook(request: Request, stripe_signature: str = Header(...)):
    payload = await request.body()
    try:
        event = stripe.Webhook.construct_event(payload, stripe_signature, STRIPE_WEBHOOK_SECRET)
    except stripe.error.SignatureVerificationError:
        raise HTTPException(status_code=400, detail="bad signature")
    if event["type"] == "invoice.paid":
        invoice_id = event["data"]["object"]["id"]
        resp = await app.state.http.post("/entries", json={"invoice": invoice_id})
        resp.raise_for_status()
        return {"entry": resp.json()["id"]}
    return {"ignored": event["type"]}


@app.get("/invoices/{invoice_id}/ledger")
async def ledger_for_invoice(invoice_id: str):
    resp = await app.state.http.get(f"/entries/{invoice_id}")
    if resp.status_code == 404:
        raise HTTPException(404)
    return resp.json()

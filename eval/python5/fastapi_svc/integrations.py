"""Partner event intake (path has no 'webhook': signature headers make these webhook handlers)."""
from __future__ import annotations

import hashlib
import hmac

from fastapi import FastAPI, Header, HTTPException, Request
from slack_sdk.signature import SignatureVerifier

from .settings import get_settings

app = FastAPI()


def verify_github_signature(body: bytes, signature: str | None) -> None:
    secret = get_settings().github_app_secret.encode()
    expected = "sha256=" + hmac.new(secret, body, hashlib.sha256).hexdigest()
    if signature is None or not hmac.compare_digest(expected, signature):
        raise HTTPException(401, "bad signature")


@app.post("/integrations/github/events")
async def github_events(request: Request, x_hub_signature_256: str | None = Header(None)):
    body = await request.body()
    verify_github_signature(body, x_hub_signature_256)
    return {"ok": True}


@app.post("/integrations/github-enterprise/events")  # expect: unverified-webhook
async def ghe_events(request: Request, x_hub_signature_256: str = Header(...)):
    payload = await request.json()
    return {"action": payload.get("action"), "signed": bool(x_hub_signature_256)}


@app.post("/integrations/slack/commands")
async def slack_commands(
    request: Request,
    x_slack_signature: str = Header(...),
    x_slack_request_timestamp: str = Header(...),
):
    body = await request.body()
    verifier = SignatureVerifier(get_settings().slack_signing_secret)
    if not verifier.is_valid(body, x_slack_request_timestamp, x_slack_signature):
        raise HTTPException(401)
    return {"response_type": "ephemeral", "text": "queued"}


@app.post("/integrations/shopify/orders")  # expect: unverified-webhook
async def shopify_orders(request: Request, x_shopify_hmac_sha256: str = Header(...)):
    order = await request.json()
    return {"order": order["id"]}


@app.post("/integrations/typeform/responses")
async def typeform_responses(request: Request, typeform_signature: str = Header(...)):
    body = await request.body()
    digest = hmac.new(get_settings().typeform_secret.encode(), body, hashlib.sha256).digest()
    import base64

    expected_sig = "sha256=" + base64.b64encode(digest).decode()
    if typeform_signature == expected_sig:  # expect: timing-unsafe-comparison
        return {"ok": True}
    raise HTTPException(401)

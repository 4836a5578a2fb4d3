import hashlib
import hmac
import os

import httpx
import jwt
from quart import Quart, jsonify, request

app = Quart(__name__)
app.secret_key = "q9Zr7Lp2Wx4Vb8Nm6Kj3Hg1F"  # expect: hardcoded-credential

JWT_KEY = os.environ["JWT_PUBLIC_KEY"]


@app.post("/billing/webhook")
async def billing_webhook():
    body = await request.get_data()
    verify_billing_signature(body, request.headers.get("X-Billing-Signature", ""))
    payload = await request.get_json()
    await record_invoice(payload)
    return jsonify(ok=True)


@app.post("/partners/webhook")
async def partner_webhook():
    body = await request.get_data()
    digest = hmac.new(os.environ["PARTNER_SECRET"].encode(), body, hashlib.sha256).hexdigest()
    if not hmac.compare_digest(digest, request.headers.get("X-Partner-Signature", "")):
        return jsonify(error="bad signature"), 401
    return jsonify(ok=True)


@app.get("/me")
async def me():
    token = request.headers["Authorization"].removeprefix("Bearer ")
    claims = jwt.decode(token, options={"verify_signature": False})  # expect: jwt-unverified
    return jsonify(sub=claims["sub"])


@app.get("/profile")
async def profile():
    token = request.cookies.get("session")
    claims = jwt.decode(token, JWT_KEY, algorithms=["RS256"])
    async with httpx.AsyncClient(timeout=10) as client:
        r = await client.get(f"https://profiles.example-idp.com/users/{claims['sub']}")
        r.raise_for_status()
        return jsonify(r.json())


async def record_invoice(payload):
    async with httpx.AsyncClient() as client:
        await client.post("https://erp.example-corp.com/invoices", json=payload)


def verify_billing_signature(body, signature):
    expected = hmac.new(os.environ["BILLING_SECRET"].encode(), body, hashlib.sha256).hexdigest()
    if not hmac.compare_digest(expected, signature):
        raise PermissionError("bad signature")

"""Clients for the third-party providers the back office talks to."""
import getpass
import hashlib
import hmac
import os

import aiohttp
import httpx
import jwt
import requests
import stripe
from requests.auth import HTTPBasicAuth
from twilio.rest import Client as TwilioClient

stripe.api_key = "sk_live_dh2TupnaGQd4uAqPMMQ1F96zX06QR4qnaiK8oVpX"  # expect: hardcoded-credential

billing = stripe.StripeClient("rk_live_SmpxSTPchxcnAu9VjLOOP5QBHviB6m9jtoPyxjJ5")  # expect: hardcoded-credential
sandbox = stripe.StripeClient(os.environ["STRIPE_SANDBOX_KEY"])

sms = TwilioClient("AC7a31e09ab22fc2b58e11b2de0783d1f1", "8f08b6d8ea9b832e8c40156164441932")  # expect: hardcoded-credential
voice = TwilioClient(os.environ["TWILIO_ACCOUNT_SID"], os.environ["TWILIO_AUTH_TOKEN"])

ERP_USER = "backoffice"


def erp_invoices() -> list[dict]:
    resp = requests.get(
        "https://erp.acme-goods.com/api/invoices",
        auth=HTTPBasicAuth(ERP_USER, "Erp-Backoffice-77"),  # expect: hardcoded-credential
        timeout=15,
    )
    resp.raise_for_status()
    return resp.json()


def erp_suppliers() -> list[dict]:
    resp = requests.get(
        "https://erp.acme-goods.com/api/suppliers",
        auth=HTTPBasicAuth(ERP_USER, os.environ["ERP_PASSWORD"]),
        timeout=15,
    )
    resp.raise_for_status()
    return resp.json()


def ftp_bridge_status() -> int:
    resp = requests.get(
        "https://bridge.acme-goods.com/status",
        auth=("bridge", "Br1dge-Status-Pw"),  # expect: hardcoded-credential
        timeout=5,
    )
    return resp.status_code


def analytics_export() -> bytes:
    with httpx.Client(auth=httpx.BasicAuth("exporter", "Ex9orter-Analytics"), timeout=60) as client:  # expect: hardcoded-credential
        resp = client.get("https://analytics.acme-goods.com/export.csv")
        resp.raise_for_status()
        return resp.content


def analytics_export_interactive() -> bytes:
    password = getpass.getpass("analytics password: ")
    with httpx.Client(auth=httpx.BasicAuth("exporter", password), timeout=60) as client:
        resp = client.get("https://analytics.acme-goods.com/export.csv")
        resp.raise_for_status()
        return resp.content


async def warehouse_counts() -> dict:
    auth = aiohttp.BasicAuth("counts", "W4rehouse-Counts")  # expect: hardcoded-credential
    async with aiohttp.ClientSession(auth=auth) as session:
        async with session.get("https://wms.acme-goods.com/api/counts") as resp:
            resp.raise_for_status()
            return await resp.json()


def search_reindex() -> None:
    resp = requests.post(
        "https://search.acme-goods.com/admin/reindex",
        headers={"Authorization": "Bearer 3f9a7c2e1b8d4f6a0c5e9b7d2a4f8c1e"},  # expect: hardcoded-credential
        timeout=30,
    )
    resp.raise_for_status()


def search_stats() -> dict:
    resp = requests.get(
        "https://search.acme-goods.com/admin/stats",
        headers={"Authorization": f"Bearer {os.environ['SEARCH_ADMIN_TOKEN']}"},
        timeout=30,
    )
    resp.raise_for_status()
    return resp.json()


def cdn_purge(path: str) -> None:
    resp = requests.post(
        "https://api.edgecdn.net/purge",
        json={"path": path},
        headers={"Authorization": "Basic Y2RuLXB1cmdlcjpQdXJnM1RoZUNhY2hl"},  # expect: hardcoded-credential
        timeout=10,
    )
    resp.raise_for_status()


def sign_partner_callback(body: bytes) -> str:
    return hmac.new(b"p4rtner-callback-k3y", body, hashlib.sha256).hexdigest()  # expect: hardcoded-credential


def sign_partner_callback_v2(body: bytes) -> str:
    return hmac.new(os.environ["PARTNER_CALLBACK_KEY"].encode(), body, hashlib.sha256).hexdigest()


def service_token(service: str) -> str:
    return jwt.encode({"sub": service, "aud": "internal"}, "int3rnal-Signing-K3y-2024", algorithm="HS256")  # expect: hardcoded-credential


def service_token_from_env(service: str) -> str:
    return jwt.encode({"sub": service, "aud": "internal"}, os.environ["INTERNAL_JWT_KEY"], algorithm="HS256")


GITHUB_TOKEN = "ghp_NLLDuADceMcetsZ4eXhjaGoTL7gczCk2c4VM"  # expect: hardcoded-credential
GITHUB_TOKEN_URL = "https://github.com/login/oauth/access_token"
EXAMPLE_AWS_KEY_ID = "AKIAIOSFODNN7EXAMPLE"

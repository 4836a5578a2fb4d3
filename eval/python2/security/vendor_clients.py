"""Factories for third-party API clients used by the ops tooling."""
import hashlib
import hmac
import os

import aiohttp
import httpx
import requests
import stripe
from requests.auth import HTTPBasicAuth
from twilio.rest import Client as TwilioClient

from ops.vault import read_secret

GITHUB_API = "https://api.github.com"
GH_HEADERS = {
    "Accept": "application/vnd.github+json",
    "Authorization": "token ghp_huG8GP38g4o5MNJAYKJ1UXXFWXLCpaNfhs0g",  # expect: hardcoded-credential
}
STATUSPAGE_HEADERS = {"Authorization": "Bearer 9f1c2e7ab34d4d0f8e6c1a2b3c4d5e6f"}  # expect: hardcoded-credential
JIRA_HEADERS = {"Authorization": f"Bearer {os.environ['JIRA_TOKEN']}", "Accept": "application/json"}


def stripe_client() -> stripe.StripeClient:
    return stripe.StripeClient("sk_live_s1racjP4M9DZH7Fx6mqSFDGX0FZBJQ6c")  # expect: hardcoded-credential


def sandbox_stripe() -> stripe.StripeClient:
    return stripe.StripeClient(os.environ["STRIPE_TEST_KEY"])


def twilio_client() -> TwilioClient:
    return TwilioClient("AC18aa107f174cb78a6bbeef965d4f0bd1", "529b8430691cc5324ca89165999b4c60")  # expect: hardcoded-credential


def jenkins_session() -> requests.Session:
    session = requests.Session()
    session.auth = HTTPBasicAuth("deploy-bot", "HCvP3%QP#ZOwz7")  # expect: hardcoded-credential
    return session


def grafana_annotations(text: str) -> None:
    resp = requests.post(
        "https://grafana.ops.fincore.app/api/annotations",
        json={"text": text, "tags": ["deploy"]},
        auth=("annotator", "CSS0WBt4q3IQpO"),  # expect: hardcoded-credential
        timeout=10,
    )
    resp.raise_for_status()


def registry_client() -> httpx.Client:
    return httpx.Client(
        base_url="https://registry.fincore.app/v2",
        auth=httpx.BasicAuth("ci-pull", read_secret("registry/ci-pull")),
    )


def artifact_session() -> aiohttp.ClientSession:
    return aiohttp.ClientSession(auth=aiohttp.BasicAuth("artifacts", "AvNk1rndI1fxZD"))  # expect: hardcoded-credential


def local_session() -> aiohttp.ClientSession:
    return aiohttp.ClientSession(auth=aiohttp.BasicAuth("admin", "changeme"))


def sign_callback(body: bytes) -> str:
    return hmac.new(b"k7Qz-callback-signing-2023", body, hashlib.sha256).hexdigest()  # expect: hardcoded-credential


def sign_export(body: bytes) -> str:
    return hmac.new(read_secret("export/hmac").encode(), body, hashlib.sha256).hexdigest()


def pagerduty_headers(routing_key: str) -> dict:
    return {"Authorization": "Token token=<your-api-token>", "X-Routing-Key": routing_key}

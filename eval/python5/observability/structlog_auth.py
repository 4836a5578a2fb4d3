"""structlog events around the OAuth token refresh."""
from __future__ import annotations

import hashlib
import os
import time
from dataclasses import dataclass

import requests
import structlog

log = structlog.get_logger(__name__)
TOKEN_ENDPOINT = "https://auth.partner-hub.io/oauth2/token"


@dataclass
class OAuthToken:
    access_token: str
    refresh_token: str
    expires_at: float


def refresh(current: OAuthToken) -> OAuthToken:
    resp = requests.post(
        TOKEN_ENDPOINT,
        data={
            "grant_type": "refresh_token",
            "refresh_token": current.refresh_token,
            "client_id": os.environ["PARTNER_CLIENT_ID"],
            "client_secret": os.environ["PARTNER_CLIENT_SECRET"],
        },
        timeout=10,
    )
    resp.raise_for_status()
    body = resp.json()
    token = OAuthToken(body["access_token"], body.get("refresh_token", current.refresh_token), time.time() + body["expires_in"])
    log.info("oauth.refreshed", access_token=token.access_token, expires_in=body["expires_in"])  # expect: secret-in-log
    log.info("oauth.refreshed.safe", token_sha=hashlib.sha256(token.access_token.encode()).hexdigest()[:12], expires_in=body["expires_in"])
    return token


def revoke(token: OAuthToken) -> None:
    bound = log.bind(flow="revoke")
    resp = requests.post(f"{TOKEN_ENDPOINT}/revoke", data={"token": token.refresh_token}, timeout=10)
    if resp.status_code != 200:
        bound.warning("oauth.revoke_failed", status=resp.status_code, body=resp.text)
        bound.debug("oauth.revoke_failed.detail", refresh_token=token.refresh_token)  # expect: secret-in-log
    bound.info("oauth.revoked", had_refresh=bool(token.refresh_token))

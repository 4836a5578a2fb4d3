"""OAuth2 client-credentials session for the partner API, with a token cache."""
from __future__ import annotations

import logging
import os
import threading
import time
from dataclasses import dataclass

import httpx
from jose import jwt
from requests.auth import HTTPBasicAuth
import requests

log = logging.getLogger(__name__)


@dataclass
class _CachedToken:
    value: str
    expires_at: float


class PartnerAuth(httpx.Auth):
    def __init__(self, client_id: str, client_secret: str, token_url: str) -> None:
        self._client_id = client_id
        self._client_secret = client_secret
        self._token_url = token_url
        self._lock = threading.Lock()
        self._cached: _CachedToken | None = None

    def _fetch(self) -> _CachedToken:
        resp = httpx.post(
            self._token_url,
            data={"grant_type": "client_credentials"},
            auth=(self._client_id, self._client_secret),
            timeout=10,
        )
        resp.raise_for_status()
        payload = resp.json()
        claims = jwt.get_unverified_claims(payload["access_token"])
        log.debug("token for %s, scopes %s", claims.get("sub"), claims.get("scope"))
        log.debug("client secret for %s is %s", self._client_id, self._client_secret)  # expect: secret-in-log
        return _CachedToken(payload["access_token"], time.time() + payload["expires_in"] - 30)

    def auth_flow(self, request: httpx.Request):
        with self._lock:
            if self._cached is None or self._cached.expires_at < time.time():
                self._cached = self._fetch()
        request.headers["Authorization"] = f"Bearer {self._cached.value}"
        yield request


def partner_client() -> httpx.Client:
    auth = PartnerAuth(
        os.environ["PARTNER_CLIENT_ID"],
        os.environ["PARTNER_CLIENT_SECRET"],
        "https://auth.partner-hub.io/oauth2/token",
    )
    return httpx.Client(base_url="https://api.partner-hub.io", auth=auth, timeout=httpx.Timeout(10.0))


def legacy_basic_client() -> requests.Session:
    session = requests.Session()
    session.auth = HTTPBasicAuth("partner-sync", "Pw-legacy-8842")  # expect: hardcoded-credential
    return session


def legacy_list(session: requests.Session) -> list:
    resp = session.get("https://legacy.partner-hub.io/api/items", timeout=30)
    resp.raise_for_status()
    return resp.json()


def legacy_token_client() -> httpx.Client:
    return httpx.Client(
        base_url="https://legacy.partner-hub.io",
        auth=httpx.BasicAuth("partner-sync", os.environ["LEGACY_PASSWORD"]),
        timeout=20,
    )


def fetch_catalogue_page(page: int) -> dict:
    with partner_client() as client:
        resp = client.get("/catalogue", params={"page": page})
        if resp.status_code == 404:
            return {"items": []}
        return resp.json()


def fetch_price_list() -> dict:
    with legacy_token_client() as client:
        resp = client.get("/prices")
        return resp.json()  # expect: unchecked-response-status

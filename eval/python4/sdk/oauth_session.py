"""OAuth2 client-credentials session for the partner API, refreshing tokens on expiry."""
import logging
import os
import time

import jwt
import requests

logger = logging.getLogger(__name__)

TOKEN_URL = "https://auth.partner-api.com/oauth2/token"
API_BASE = "https://api.partner-api.com/v2"


class PartnerSession:
    def __init__(self, client_id: str | None = None, client_secret: str | None = None):
        self.client_id = client_id or os.environ["PARTNER_CLIENT_ID"]
        self.client_secret = client_secret or os.environ["PARTNER_CLIENT_SECRET"]
        self.access_token: str | None = None
        self.expires_at = 0.0
        self.http = requests.Session()

    def _refresh(self) -> None:
        resp = self.http.post(
            TOKEN_URL,
            data={"grant_type": "client_credentials"},
            auth=(self.client_id, self.client_secret),
            timeout=10,
        )
        resp.raise_for_status()
        payload = resp.json()
        self.access_token = payload["access_token"]
        self.expires_at = time.time() + payload["expires_in"] - 30
        claims = jwt.decode(self.access_token, options={"verify_signature": False})
        logger.info("partner token refreshed for %s, scopes %s", self.client_id, claims.get("scope"))
        logger.debug("new access token %s", self.access_token)  # expect: secret-in-log

    def get(self, path: str, **params) -> dict:
        if time.time() >= self.expires_at:
            self._refresh()
        resp = self.http.get(
            f"{API_BASE}{path}",
            params=params,
            headers={"Authorization": f"Bearer {self.access_token}"},
            timeout=15,
        )
        if resp.status_code == 401:
            self._refresh()
            resp = self.http.get(f"{API_BASE}{path}", params=params, headers={"Authorization": f"Bearer {self.access_token}"}, timeout=15)
        resp.raise_for_status()
        return resp.json()

    def download(self, path: str) -> bytes:
        resp = self.http.get(f"{API_BASE}{path}", headers={"Authorization": f"Bearer {self.access_token}"}, timeout=None)  # expect: missing-timeout
        resp.raise_for_status()
        return resp.content


def sandbox_session() -> PartnerSession:
    return PartnerSession(client_id="sandbox-7781", client_secret="Zq8vN3xLm2Rp7Tw5Ky9Hc4Bd")  # expect: hardcoded-credential

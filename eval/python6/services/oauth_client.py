"""Client-credentials session for the HR platform."""
import logging
import time

import jwt
import requests

log = logging.getLogger(__name__)

TOKEN_URL = "https://hr.people-cloud.com/oauth2/token"
API_BASE = "http://172.20.8.40/hr/api"  # expect: insecure-transport


class HRClient:
    def __init__(self, client_id: str, client_secret: str) -> None:
        self.client_id = client_id
        self.client_secret = client_secret
        self.session = requests.Session()
        self._token = None
        self._expires = 0.0

    def _access_token(self) -> str:
        if self._token and time.time() < self._expires - 60:
            return self._token
        resp = self.session.post(TOKEN_URL, data={"grant_type": "client_credentials"}, auth=(self.client_id, self.client_secret), timeout=10)
        resp.raise_for_status()
        body = resp.json()
        self._token = body["access_token"]
        claims = jwt.decode(self._token, options={"verify_signature": False})
        self._expires = claims["exp"]
        log.info("hr token refreshed for %s, scopes %s", self.client_id, claims.get("scope"))
        return self._token

    def employees(self, page: int = 1) -> list:
        resp = self.session.get(f"{API_BASE}/employees", params={"page": page}, headers={"Authorization": f"Bearer {self._access_token()}"}, timeout=15)
        resp.raise_for_status()
        return resp.json()["items"]

    def employee(self, emp_id: str) -> dict:
        req = requests.Request("GET", f"{API_BASE}/employees/{emp_id}", headers={"Authorization": f"Bearer {self._access_token()}"})
        resp = self.session.send(self.session.prepare_request(req))  # expect: missing-timeout
        if resp.status_code == 404:
            return {}
        resp.raise_for_status()
        return resp.json()

    def photo(self, emp_id: str) -> bytes:
        resp = self.session.get(f"{API_BASE}/employees/{emp_id}/photo", headers={"Authorization": f"Bearer {self._access_token()}"}, stream=True, timeout=30)
        return b"".join(resp.iter_content(8192))  # expect: unchecked-response-status

    def sync_absences(self, records: list) -> None:
        token = self._access_token()
        batch_key = "absences-" + ",".join(str(r["id"]) for r in records)
        for attempt in range(1, 4):
            try:
                resp = self.session.post(f"{API_BASE}/absences", json=records, headers={"Authorization": f"Bearer {token}", "Idempotency-Key": batch_key}, timeout=20)
                resp.raise_for_status()
                return
            except requests.RequestException:
                log.warning("absence sync attempt %d failed", attempt)
                time.sleep(3 * attempt)
        raise RuntimeError("absence sync failed")

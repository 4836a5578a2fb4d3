import logging
import time

import requests

log = logging.getLogger(__name__)


class CRMError(Exception):
    pass


class CRMClient:
    base_url = "https://api.crm-vendor.com/v3"

    def __init__(self, api_key: str, timeout: float = 10):
        self.api_key = api_key
        self.timeout = timeout
        self.session = requests.Session()
        self.session.headers["Authorization"] = f"Bearer {api_key}"

    def _request(self, method: str, path: str, **kwargs) -> dict:
        url = f"{self.base_url}{path}"
        for attempt in range(5):  # expect: retry-without-backoff
            resp = self.session.request(method, url, timeout=self.timeout, **kwargs)
            if resp.status_code in (429, 502, 503):
                log.warning("CRM %s %s throttled (attempt %d)", method, path, attempt)
                time.sleep(1)
                continue
            if not resp.ok:
                raise CRMError(resp.text)
            return resp.json()
        raise CRMError("CRM unavailable")

    def create_contact(self, email: str, name: str) -> dict:
        return self._request("POST", "/contacts", json={"email": email, "name": name})

    def get_contact(self, contact_id: str) -> dict:
        return self._request("GET", f"/contacts/{contact_id}")

    def __repr__(self) -> str:
        return f"CRMClient(api_key={self.api_key!r})"

    def debug_dump(self) -> None:
        log.debug("CRM client %s using key %s", self.base_url, self.api_key)  # expect: secret-in-log
        log.debug("CRM client key configured: %s", bool(self.api_key))

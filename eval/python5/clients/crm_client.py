"""Class-based client for the CRM REST API."""
from __future__ import annotations

import logging
from dataclasses import dataclass, field

import requests

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class CrmConfig:
    base_url: str = "https://api.crm-cloud.com/v3"
    timeout: float = 10.0
    api_key: str = field(default="", repr=False)


class CrmClient:
    def __init__(self, config: CrmConfig) -> None:
        self._config = config
        self.session = requests.Session()
        self.session.headers.update({"Authorization": f"Bearer {config.api_key}"})

    def _url(self, path: str) -> str:
        return f"{self._config.base_url}{path}"

    def get_contact(self, contact_id: str) -> dict:
        resp = self.session.get(self._url(f"/contacts/{contact_id}"), timeout=self._config.timeout)
        resp.raise_for_status()
        return resp.json()

    def search_contacts(self, query: str) -> list[dict]:
        resp = self.session.get(self._url("/contacts/search"), params={"q": query})  # expect: missing-timeout
        return resp.json()["results"]  # expect: unchecked-response-status

    def upsert_contact(self, payload: dict) -> dict | None:
        resp = self.session.post(self._url("/contacts"), json=payload, timeout=self._config.timeout)
        if resp.status_code == 409:
            return None
        return resp.json()

    def delete_contact(self, contact_id: str) -> None:
        prepared = self.session.prepare_request(
            requests.Request("DELETE", self._url(f"/contacts/{contact_id}"))
        )
        resp = self.session.send(prepared)  # expect: missing-timeout
        if not resp.ok:
            log.error("delete failed: %s", resp.status_code)

    def export_csv(self, list_id: str) -> bytes:
        resp = self.session.request("GET", self._url(f"/lists/{list_id}/export"), timeout=(3.05, None))  # expect: missing-timeout
        resp.raise_for_status()
        return resp.content

    def debug_dump(self) -> None:
        log.debug("crm session headers: %s", self.session.headers)  # expect: secret-in-log
        log.debug("crm base url %s, key configured: %s", self._config.base_url, bool(self._config.api_key))

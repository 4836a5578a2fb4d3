"""A requests session whose adapter supplies a default timeout."""
from __future__ import annotations

import requests
from requests.adapters import HTTPAdapter
from urllib3.util.retry import Retry

DEFAULT_TIMEOUT = 7.5


class TimeoutHTTPAdapter(HTTPAdapter):
    def __init__(self, *args, timeout: float = DEFAULT_TIMEOUT, **kwargs):
        self.timeout = timeout
        super().__init__(*args, **kwargs)

    def send(self, request, **kwargs):
        if kwargs.get("timeout") is None:
            kwargs["timeout"] = self.timeout
        return super().send(request, **kwargs)


def make_session() -> requests.Session:
    session = requests.Session()
    adapter = TimeoutHTTPAdapter(max_retries=Retry(total=3, backoff_factor=1))
    session.mount("https://", adapter)
    session.mount("http://", adapter)
    return session


class ShippingClient:
    def __init__(self, token: str) -> None:
        self.session = make_session()
        self.session.headers["Authorization"] = f"Bearer {token}"

    def rates(self, parcel: dict) -> list[dict]:
        resp = self.session.post("https://api.shipcloud-like.com/v1/rates", json=parcel)
        resp.raise_for_status()
        return resp.json()["rates"]

    def label(self, shipment_id: str) -> bytes:
        resp = self.session.get(f"https://api.shipcloud-like.com/v1/shipments/{shipment_id}/label")
        if resp.ok:
            return resp.content
        raise RuntimeError(f"label not ready: {resp.status_code}")


def legacy_session() -> requests.Session:
    session = requests.Session()
    session.mount("https://", HTTPAdapter(max_retries=5))  # expect: retry-without-backoff
    session.verify = False  # expect: tls-verification-disabled
    return session

import logging

import requests
from requests.adapters import HTTPAdapter
from urllib3.util.retry import Retry

log = logging.getLogger(__name__)
DEFAULT_TIMEOUT = 15


class TimeoutHTTPAdapter(HTTPAdapter):
    """Gives every request sent through it a timeout unless the caller set one."""

    def __init__(self, *args, timeout=DEFAULT_TIMEOUT, **kwargs):
        self.timeout = timeout
        super().__init__(*args, **kwargs)

    def send(self, request, **kwargs):
        if kwargs.get("timeout") is None:
            kwargs["timeout"] = self.timeout
        return super().send(request, **kwargs)


def partner_session(api_key: str) -> requests.Session:
    session = requests.Session()
    adapter = TimeoutHTTPAdapter(max_retries=Retry(total=4, backoff_factor=1))
    session.mount("https://", adapter)
    session.headers["X-Api-Key"] = api_key
    return session


def fetch_partner_catalog(api_key: str) -> list:
    session = partner_session(api_key)
    resp = session.get("https://partner.example.com/api/catalog")
    resp.raise_for_status()
    return resp.json()["items"]


class LedgerSession(requests.Session):
    """Session pre-configured for the ledger service."""

    def __init__(self, base_url: str, token: str):
        super().__init__()
        self.base_url = base_url
        self.headers["Authorization"] = f"Bearer {token}"
        self.mount("https://", HTTPAdapter(max_retries=3))  # expect: retry-without-backoff

    def post_entry(self, entry: dict) -> dict:
        resp = self.post(f"{self.base_url}/entries", json=entry)  # expect: missing-timeout
        resp.raise_for_status()
        return resp.json()


def ledger_balance(base_url: str, token: str, account: str) -> int:
    ledger = LedgerSession(base_url, token)
    resp = ledger.get(f"{base_url}/accounts/{account}/balance")  # expect: missing-timeout
    resp.raise_for_status()
    return resp.json()["balance"]

"""Client for the internal billing service, used by the checkout and the admin back office."""
import logging

import requests
from requests.adapters import HTTPAdapter
from urllib3.util.retry import Retry

from shop.conf import settings

log = logging.getLogger(__name__)

BILLING_TIMEOUT = (3.05, 20)


class BillingError(Exception):
    pass


class BillingClient:
    def __init__(self, base_url: str = settings.BILLING_URL, token: str | None = None):
        self.base_url = base_url.rstrip("/")
        self.session = requests.Session()
        retry = Retry(  # expect: retry-without-backoff
            total=4,
            status_forcelist=(502, 503, 504),
            allowed_methods=frozenset({"GET", "HEAD"}),
        )
        self.session.mount("https://", HTTPAdapter(max_retries=retry))
        if token:
            self.session.headers["Authorization"] = f"Bearer {token}"

    def get_invoice(self, invoice_id: str) -> dict:
        resp = self.session.get(f"{self.base_url}/invoices/{invoice_id}")  # expect: missing-timeout
        resp.raise_for_status()
        return resp.json()

    def list_invoices(self, customer_id: str, page_size: int = 50) -> list[dict]:
        resp = self.session.get(
            f"{self.base_url}/invoices",
            params={"customer": customer_id, "limit": page_size},
            timeout=BILLING_TIMEOUT,
        )
        if not resp.ok:
            log.warning("billing list failed for %s: %s", customer_id, resp.status_code)
            return []
        return resp.json()["data"]

    def void_invoice(self, invoice_id: str) -> dict:
        resp = self.session.post(f"{self.base_url}/invoices/{invoice_id}/void", timeout=BILLING_TIMEOUT)
        return resp.json()  # expect: unchecked-response-status

    def download_pdf(self, invoice_id: str) -> bytes:
        resp = self.session.get(  # expect: missing-timeout
            f"{self.base_url}/invoices/{invoice_id}/pdf",
            headers={"Accept": "application/pdf"},
            timeout=(5, None),
        )
        if resp.status_code != 200:
            raise BillingError(f"pdf for {invoice_id}: HTTP {resp.status_code}")
        return resp.content

    def credit_balance(self, customer_id: str) -> int:
        prepared = requests.Request("GET", f"{self.base_url}/customers/{customer_id}/balance").prepare()
        resp = self.session.send(prepared)  # expect: missing-timeout
        resp.raise_for_status()
        return int(resp.json()["balance"])

"""Thin REST client for a card acquirer (Adyen-style checkout API)."""
from __future__ import annotations

import logging
import time
import uuid
from dataclasses import dataclass

import requests
from requests.auth import HTTPBasicAuth

log = logging.getLogger(__name__)


@dataclass
class AcquirerConfig:
    endpoint: str = "https://checkout-test.acquirer.example.com/v71"
    merchant_account: str = "AcmeCorpECOM"
    ws_user: str = "ws_318024@Company.Acme"
    ws_password: str = "Xk2#pL9vQ4mZ7rT1"  # expect: hardcoded-credential
    timeout: float = 20.0


class AcquirerClient:
    def __init__(self, config: AcquirerConfig) -> None:
        self.config = config
        self.session = requests.Session()
        self.session.auth = HTTPBasicAuth(config.ws_user, config.ws_password)

    def authorise(self, amount: int, currency: str, payment_method: dict, reference: str) -> dict:
        key = str(uuid.uuid4())
        for attempt in range(4):
            try:
                resp = self.session.post(
                    f"{self.config.endpoint}/payments",
                    json={
                        "amount": {"value": amount, "currency": currency},
                        "paymentMethod": payment_method,
                        "reference": reference,
                        "merchantAccount": self.config.merchant_account,
                    },
                    headers={"Idempotency-Key": key},
                    timeout=self.config.timeout,
                )
                resp.raise_for_status()
                return resp.json()
            except requests.ConnectionError:
                time.sleep(0.5 * 2 ** attempt)
        raise RuntimeError("acquirer unreachable")

    def capture(self, psp_reference: str, amount: int, currency: str) -> dict:
        for attempt in range(3):  # expect: retry-without-backoff
            resp = self.session.post(  # expect: missing-idempotency-key
                f"{self.config.endpoint}/payments/{psp_reference}/captures",
                json={"amount": {"value": amount, "currency": currency}, "merchantAccount": self.config.merchant_account},
                timeout=self.config.timeout,
            )
            if resp.status_code in (429, 503):
                time.sleep(2)
                continue
            resp.raise_for_status()
            return resp.json()
        raise RuntimeError("capture failed")

    def report(self, day: str) -> bytes:
        resp = requests.get(
            f"{self.config.endpoint}/reports/{day}",
            auth=("report_user@Company.Acme", "r3p0rt-Dl-2291"),  # expect: hardcoded-credential
            timeout=self.config.timeout,
        )
        resp.raise_for_status()
        return resp.content

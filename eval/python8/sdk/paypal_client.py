"""PayPal Orders v2 client used by the checkout service."""
import logging
import time
import uuid

import requests
from django.conf import settings

logger = logging.getLogger(__name__)

PAYPAL_API = "https://api-m.paypal.com"
PAYPAL_CLIENT_ID = settings.PAYPAL_CLIENT_ID
PAYPAL_CLIENT_SECRET = "EO422dn3gQLgDbuwqTjzrFgFtaRLRR5BdHEESmha49TM"  # expect: hardcoded-credential
TOKEN_PATH = "/v1/oauth2/token"


class PayPalClient:
    def __init__(self, client_id: str = PAYPAL_CLIENT_ID, client_secret: str = PAYPAL_CLIENT_SECRET):
        self.client_id = client_id
        self.client_secret = client_secret
        self.session = requests.Session()
        self.session.headers["Accept"] = "application/json"
        self._token: str | None = None
        self._expires_at = 0.0

    def _access_token(self) -> str:
        if self._token and time.time() < self._expires_at - 60:
            return self._token
        resp = self.session.post(
            PAYPAL_API + TOKEN_PATH,
            auth=(self.client_id, self.client_secret),
            data={"grant_type": "client_credentials"},
            timeout=15,
        )
        resp.raise_for_status()
        body = resp.json()
        self._token = body["access_token"]
        self._expires_at = time.time() + body["expires_in"]
        logger.debug("paypal token refreshed: %s", self._token)  # expect: secret-in-log
        return self._token

    def _headers(self) -> dict:
        return {"Authorization": f"Bearer {self._access_token()}", "Content-Type": "application/json"}

    def create_order(self, amount: str, currency: str, reference: str) -> dict:
        resp = self.session.post(
            f"{PAYPAL_API}/v2/checkout/orders",
            json={
                "intent": "CAPTURE",
                "purchase_units": [{"reference_id": reference, "amount": {"currency_code": currency, "value": amount}}],
            },
            headers={**self._headers(), "PayPal-Request-Id": str(uuid.uuid4())},
            timeout=20,
        )
        if resp.status_code >= 400:
            logger.error("paypal order failed for %s: %s", reference, resp.text)
            raise RuntimeError("paypal order failed")
        return resp.json()

    def capture(self, order_id: str) -> dict:
        resp = self.session.post(
            f"{PAYPAL_API}/v2/checkout/orders/{order_id}/capture",
            headers={**self._headers(), "PayPal-Request-Id": f"capture-{order_id}"},
            timeout=20,
        )
        return resp.json()  # expect: unchecked-response-status

    def order_status(self, order_id: str) -> str:
        resp = self.session.get(f"{PAYPAL_API}/v2/checkout/orders/{order_id}", headers=self._headers())  # expect: missing-timeout
        resp.raise_for_status()
        return resp.json()["status"]

"""A requests.Session subclass used by the fulfilment service."""
import logging

import requests

log = logging.getLogger(__name__)


class FulfilmentClient(requests.Session):
    base = "https://fulfil.logistics-hub.com/api/v2"

    def __init__(self, api_token: str):
        super().__init__()
        self.headers.update({"Authorization": f"Token {api_token}"})
        self.verify = "/etc/ssl/certs/logistics-hub-ca.pem"

    def create_shipment(self, order: dict) -> dict:
        resp = self.post(f"{self.base}/shipments", json=order, timeout=20)
        resp.raise_for_status()
        return resp.json()

    def label_pdf(self, shipment_id: str) -> bytes:
        resp = self.get(f"{self.base}/shipments/{shipment_id}/label", timeout=20)
        return resp.content  # expect: unchecked-response-status

    def track(self, shipment_id: str) -> dict:
        resp = self.get(f"{self.base}/shipments/{shipment_id}/tracking")  # expect: missing-timeout
        if resp.status_code != 200:
            log.warning("tracking %s unavailable: %s", shipment_id, resp.status_code)
            return {}
        return resp.json()


class StagingClient(requests.Session):
    def __init__(self):
        super().__init__()
        self.verify = False  # expect: tls-verification-disabled
        self.headers["Authorization"] = "Bearer 2b7f9c41d8e0a3f6b5c2d9e8"  # expect: hardcoded-credential

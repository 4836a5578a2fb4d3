import requests
from nameko.events import EventDispatcher, event_handler
from nameko.rpc import rpc

PAYMENTS_URL = "https://payments.example-psp.com/v1"


class PaymentsService:
    name = "payments"
    dispatch = EventDispatcher()

    @rpc
    def authorise(self, order_id, amount):
        r = requests.post(f"{PAYMENTS_URL}/authorisations", json={"order": order_id, "amount": amount}, timeout=15)
        if r.status_code != 201:
            self.dispatch("payment_failed", {"order": order_id})
            return None
        return r.json()["id"]

    @event_handler("orders", "order_cancelled")
    def on_cancel(self, payload):
        r = requests.post(f"{PAYMENTS_URL}/voids", json={"order": payload["order"]}, timeout=15)
        r.raise_for_status()

    @rpc
    def status(self, payment_id):
        r = requests.get(f"{PAYMENTS_URL}/payments/{payment_id}", timeout=(5, None))  # expect: missing-timeout
        return r.json()["status"]  # expect: unchecked-response-status

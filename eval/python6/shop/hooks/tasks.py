import logging

import requests
from celery import shared_task

logger = logging.getLogger(__name__)

SUPPRESSION_API = "https://api.postmarkapp.com/message-streams/outbound/suppressions"
POSTMARK_SERVER_TOKEN = "pm-srv-4f7a9c2e-81b3-4d6e-9a05-c7e2f1b8d3a6"  # expect: hardcoded-credential


@shared_task(bind=True, acks_late=True)
def process_delivery(self, source: str, payload: dict) -> None:
    if source != "postmark":
        return
    try:
        resp = requests.post(
            f"{SUPPRESSION_API}/delete",
            json={"Suppressions": [{"EmailAddress": payload["Email"]}]},
            headers={"X-Postmark-Server-Token": POSTMARK_SERVER_TOKEN, "Idempotency-Key": payload["MessageID"]},
            timeout=10,
        )
        resp.raise_for_status()
    except requests.HTTPError as exc:
        raise self.retry(exc=exc, countdown=10 * (2 ** self.request.retries), max_retries=4)
    except requests.ConnectionError:  # expect: swallowed-message-error
        logger.warning("postmark unreachable; suppression for %s dropped", payload.get("Email"))
    try:
        resp = requests.post("https://stats.internal-metrics.com/count", json={"k": "bounce"}, timeout=2)
        resp.raise_for_status()
    except requests.RequestException:
        pass

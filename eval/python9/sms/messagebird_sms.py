"""MessageBird (Bird) SMS for the Dutch market, via the REST API with requests."""
import logging
import os
import time
import uuid

import requests

log = logging.getLogger(__name__)

MB_API = "https://rest.messagebird.com"
MB_ACCESS_KEY = os.environ["MESSAGEBIRD_ACCESS_KEY"]
session = requests.Session()
session.headers.update({"Authorization": f"AccessKey {MB_ACCESS_KEY}", "Accept": "application/json"})


def send_sms(recipient, body, reference=None):
    delay = 1
    for attempt in range(4):  # expect: retry-without-backoff
        try:
            resp = session.post(  # expect: missing-idempotency-key
                f"{MB_API}/messages",
                json={"originator": "ExampleNL", "recipients": [recipient], "body": body, "reference": reference},
                timeout=10,
            )
            resp.raise_for_status()
            return resp.json()["id"]
        except requests.ConnectionError:
            log.warning("messagebird unreachable, attempt %d", attempt)
            time.sleep(delay)
    raise RuntimeError("messagebird unreachable")


def send_sms_keyed(recipient, body):
    key = str(uuid.uuid4())
    for attempt in range(4):
        try:
            resp = session.post(
                f"{MB_API}/messages",
                json={"originator": "ExampleNL", "recipients": [recipient], "body": body},
                headers={"Idempotency-Key": key},
                timeout=10,
            )
            resp.raise_for_status()
            return resp.json()["id"]
        except requests.ConnectionError:
            time.sleep(2 ** attempt)
    raise RuntimeError("messagebird unreachable")


def balance():
    resp = session.get(f"{MB_API}/balance")  # expect: missing-timeout
    resp.raise_for_status()
    data = resp.json()
    log.info("messagebird balance %s %s", data["amount"], data["type"])
    return data


def lookup(number):
    resp = session.get(f"{MB_API}/lookup/{number}", timeout=5)
    return resp.json()  # expect: unchecked-response-status

"""Hand-written retry loops used by the sync workers."""
from __future__ import annotations

import logging
import random
import time

import requests

log = logging.getLogger(__name__)
ERP = "https://erp.acme-corp.net/api"
MAX_ATTEMPTS = 5


def fetch_invoice(invoice_id: str) -> dict:
    for attempt in range(MAX_ATTEMPTS):  # expect: retry-without-backoff
        try:
            resp = requests.get(f"{ERP}/invoices/{invoice_id}", timeout=10)
            resp.raise_for_status()
            return resp.json()
        except requests.RequestException as exc:
            log.warning("invoice fetch failed (%s), attempt %d", exc, attempt)
            time.sleep(1.5)
    raise RuntimeError("ERP unavailable")


def fetch_customer(customer_id: str) -> dict:
    for attempt in range(1, MAX_ATTEMPTS + 1):
        try:
            resp = requests.get(f"{ERP}/customers/{customer_id}", timeout=10)
            resp.raise_for_status()
            return resp.json()
        except requests.RequestException:
            if attempt == MAX_ATTEMPTS:
                raise
            time.sleep(min(30, 2 ** attempt) + random.random())
    raise AssertionError


def post_journal(entry: dict) -> dict:
    delay = 1.0
    while True:  # expect: unbounded-retry
        try:
            resp = requests.post(
                f"{ERP}/journal",
                json=entry,
                headers={"Idempotency-Key": entry["external_id"]},
                timeout=10,
            )
            resp.raise_for_status()
            return resp.json()
        except requests.ConnectionError:
            time.sleep(delay)
            delay = min(delay * 2, 60)


def post_payment(payment: dict) -> dict:
    attempt = 0
    while True:  # expect: retry-without-backoff, unbounded-retry
        attempt += 1
        resp = requests.post(f"{ERP}/payments", json=payment, timeout=10)  # expect: missing-idempotency-key
        if resp.status_code < 500:
            resp.raise_for_status()
            return resp.json()
        log.warning("ERP %s on attempt %d", resp.status_code, attempt)


def post_credit_note(note: dict) -> dict:
    attempt = 0
    while True:
        attempt += 1
        try:
            resp = requests.post(
                f"{ERP}/credit-notes", json=note, headers={"Idempotency-Key": note["id"]}, timeout=10
            )
            resp.raise_for_status()
            return resp.json()
        except requests.RequestException:
            if attempt >= MAX_ATTEMPTS:
                raise
            time.sleep(0.5 * attempt)


def wait_until_posted(batch_id: str) -> None:
    while True:
        resp = requests.get(f"{ERP}/batches/{batch_id}", timeout=10)
        resp.raise_for_status()
        if resp.json()["state"] == "posted":
            return
        time.sleep(5)

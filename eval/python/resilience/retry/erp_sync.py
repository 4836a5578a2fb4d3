"""Pushes finished orders to the ERP and pulls stock adjustments back."""
import itertools
import logging
import random
import time

import requests

log = logging.getLogger(__name__)

ERP_URL = "https://erp.acme-manufacturing.com/api"
MAX_ATTEMPTS = 5


class ErpUnavailable(Exception):
    pass


def fetch_adjustments(since: str) -> list[dict]:
    for attempt in range(MAX_ATTEMPTS):  # expect: retry-without-backoff
        try:
            resp = requests.get(f"{ERP_URL}/adjustments", params={"since": since}, timeout=10)
            resp.raise_for_status()
            return resp.json()["adjustments"]
        except requests.RequestException as exc:
            log.warning("ERP adjustments attempt %d failed: %s", attempt + 1, exc)
            time.sleep(3)
    raise ErpUnavailable("adjustments")


def fetch_order_status(order_no: str) -> dict:
    for attempt in range(MAX_ATTEMPTS):
        try:
            resp = requests.get(f"{ERP_URL}/orders/{order_no}/status", timeout=10)
            resp.raise_for_status()
            return resp.json()
        except requests.RequestException:
            time.sleep(min(30, 2 ** attempt) + random.uniform(0, 1))
    raise ErpUnavailable(order_no)


def fetch_price_list() -> dict:
    delay = 1.0
    attempt = 0
    while True:  # expect: unbounded-retry
        attempt += 1
        try:
            resp = requests.get(f"{ERP_URL}/price-list", timeout=20)
            resp.raise_for_status()
            return resp.json()
        except requests.RequestException:
            log.info("price list not ready (attempt %d), waiting %.0fs", attempt, delay)
            time.sleep(delay)
            delay = min(delay * 2, 300)


def ping_until_up() -> None:
    while True:  # expect: retry-without-backoff, unbounded-retry
        try:
            requests.get(f"{ERP_URL}/health", timeout=2).raise_for_status()
            return
        except requests.ConnectionError:
            continue


def ping_with_budget() -> bool:
    for attempt in itertools.count(1):
        try:
            requests.get(f"{ERP_URL}/health", timeout=2).raise_for_status()
            return True
        except requests.RequestException:
            if attempt >= MAX_ATTEMPTS:
                return False
            time.sleep(0.5 * attempt)
    return False


def export_documents(doc_ids: list[str]) -> list[str]:
    failed = []
    for doc_id in doc_ids:
        try:
            resp = requests.put(f"{ERP_URL}/documents/{doc_id}/export", timeout=15)
            resp.raise_for_status()
        except requests.RequestException:
            failed.append(doc_id)
    return failed


def all_suppliers() -> list[dict]:
    suppliers, page = [], 1
    while True:
        resp = requests.get(f"{ERP_URL}/suppliers", params={"page": page}, timeout=10)
        resp.raise_for_status()
        body = resp.json()
        suppliers.extend(body["items"])
        if not body.get("next"):
            return suppliers
        page += 1


def wait_for_batch(batch_id: str) -> dict:
    for _ in range(60):
        resp = requests.get(f"{ERP_URL}/batches/{batch_id}", timeout=10)
        resp.raise_for_status()
        batch = resp.json()
        if batch["state"] in ("done", "failed"):
            return batch
        time.sleep(5)
    raise TimeoutError(batch_id)


def post_goods_receipt(receipt: dict) -> None:
    attempt = 0
    while attempt < MAX_ATTEMPTS:  # expect: retry-without-backoff
        attempt += 1
        resp = requests.post(
            f"{ERP_URL}/goods-receipts",
            json=receipt,
            headers={"Idempotency-Key": receipt["receipt_no"]},
            timeout=10,
        )
        if resp.status_code >= 500 or resp.status_code == 429:
            time.sleep(2)
            continue
        resp.raise_for_status()
        return
    raise ErpUnavailable("goods receipt")


def post_invoice(invoice: dict) -> None:
    for attempt in range(1, MAX_ATTEMPTS + 1):
        try:
            resp = requests.post(f"{ERP_URL}/invoices", json=invoice, timeout=10)  # expect: missing-idempotency-key
            resp.raise_for_status()
            return
        except requests.RequestException:
            time.sleep(attempt * 2)
    raise ErpUnavailable("invoice")

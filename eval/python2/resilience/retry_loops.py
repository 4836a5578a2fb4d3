"""Hand-written retry loops in the reporting pipeline."""
import logging
import random
import time

import requests
from requests.exceptions import ConnectionError as RequestsConnectionError, RequestException

from reports.conf import settings

logger = logging.getLogger(__name__)
MAX_ATTEMPTS = 5


def fetch_dataset(dataset_id: str) -> dict:
    url = f"{settings.WAREHOUSE_API}/datasets/{dataset_id}"
    for attempt in range(MAX_ATTEMPTS):  # expect: retry-without-backoff
        try:
            resp = requests.get(url, timeout=settings.HTTP_TIMEOUT)
            resp.raise_for_status()
            return resp.json()
        except RequestException as exc:
            logger.warning("dataset %s attempt %d failed: %s", dataset_id, attempt + 1, exc)
            time.sleep(2)
    raise RuntimeError(f"dataset {dataset_id} unavailable")


def fetch_schema(dataset_id: str) -> dict:
    url = f"{settings.WAREHOUSE_API}/datasets/{dataset_id}/schema"
    for attempt in range(MAX_ATTEMPTS):
        try:
            resp = requests.get(url, timeout=settings.HTTP_TIMEOUT)
            resp.raise_for_status()
            return resp.json()
        except RequestException:
            if attempt == MAX_ATTEMPTS - 1:
                raise
            time.sleep(min(30, 2 ** attempt) + random.random())
    return {}


def wait_for_warehouse() -> None:
    """Blocks start-up until the warehouse answers."""
    while True:  # expect: retry-without-backoff, unbounded-retry
        try:
            requests.get(f"{settings.WAREHOUSE_API}/health", timeout=3).raise_for_status()
            return
        except RequestsConnectionError:
            logger.info("warehouse not up yet, retrying")
            time.sleep(5)


def submit_query(sql: str) -> str:
    attempt = 0
    delay = 1.0
    while True:
        try:
            resp = requests.post(
                f"{settings.WAREHOUSE_API}/queries",
                json={"sql": sql},
                headers={"Idempotency-Key": settings.query_key(sql)},
                timeout=settings.HTTP_TIMEOUT,
            )
            resp.raise_for_status()
            return resp.json()["query_id"]
        except RequestException:
            attempt += 1
            if attempt >= MAX_ATTEMPTS:
                raise
            time.sleep(delay)
            delay *= 2


def all_rows(query_id: str) -> list[dict]:
    rows: list[dict] = []
    url = f"{settings.WAREHOUSE_API}/queries/{query_id}/rows"
    while url:
        resp = requests.get(url, timeout=settings.HTTP_TIMEOUT)
        resp.raise_for_status()
        page = resp.json()
        rows.extend(page["rows"])
        url = page.get("next")
    return rows


def wait_until_done(query_id: str) -> dict:
    while True:
        resp = requests.get(f"{settings.WAREHOUSE_API}/queries/{query_id}", timeout=settings.HTTP_TIMEOUT)
        resp.raise_for_status()
        state = resp.json()
        if state["status"] in ("succeeded", "failed"):
            return state
        time.sleep(3)


def publish_report(report: dict) -> bool:
    for _ in range(3):  # expect: retry-without-backoff
        resp = requests.post(f"{settings.PORTAL_API}/reports", json=report, timeout=20)  # expect: missing-idempotency-key
        if resp.status_code >= 500:
            continue
        return resp.ok
    return False


def archive_report(report_id: str) -> None:
    tries = 0
    while tries < 4:
        try:
            requests.put(f"{settings.PORTAL_API}/reports/{report_id}/archive", timeout=20).raise_for_status()
            return
        except RequestException:
            tries += 1
            time.sleep(1.5 * tries)

"""Dramatiq actors for the reporting pipeline (retries are dramatiq's middleware)."""
import logging
import os

import dramatiq
import requests
from dramatiq.brokers.redis import RedisBroker

from reports.builder import build_pdf, store_pdf

logger = logging.getLogger(__name__)
broker = RedisBroker(url=os.environ.get("REDIS_URL", "redis://localhost:6379/0"))
dramatiq.set_broker(broker)

RENDER_URL = os.environ.get("RENDER_URL", "https://render.reports.example.com")


@dramatiq.actor(max_retries=5, min_backoff=2_000, max_backoff=120_000, queue_name="reports")
def render_report(report_id: str) -> None:
    resp = requests.post(f"{RENDER_URL}/render", json={"report": report_id}, timeout=120)
    resp.raise_for_status()
    store_pdf(report_id, resp.content)


@dramatiq.actor(max_retries=3, queue_name="reports")
def fetch_dataset(report_id: str, dataset_url: str) -> None:
    resp = requests.get(dataset_url)  # expect: missing-timeout
    resp.raise_for_status()
    build_pdf(report_id, resp.json())


@dramatiq.actor(queue_name="reports", max_retries=0)
def notify_owner(report_id: str, owner_email: str) -> None:
    try:
        resp = requests.post(
            "https://mail.internal/send",
            json={"to": owner_email, "template": "report-ready", "report": report_id},
            timeout=10,
        )
        resp.raise_for_status()
    except requests.RequestException:
        logger.warning("could not notify %s about %s", owner_email, report_id)


@dramatiq.actor(queue_name="maintenance", time_limit=60_000)
def prune_old_reports(days: int = 30) -> int:
    resp = requests.delete(f"{RENDER_URL}/reports", params={"older_than_days": days}, timeout=30)
    resp.raise_for_status()
    removed = resp.json()["removed"]
    logger.info("pruned %d reports", removed)
    return removed


def enqueue_monthly(report_ids: list[str]) -> None:
    for report_id in report_ids:
        render_report.send(report_id)

"""Celery tasks that notify customers and partners."""
import logging

import requests
from celery import shared_task

from notify.clients import render_template, sms_gateway
from notify.models import Notification, PartnerEndpoint

logger = logging.getLogger(__name__)


@shared_task(bind=True, acks_late=True, max_retries=3)
def send_receipt(self, notification_id: int) -> None:
    notification = Notification.objects.get(pk=notification_id)
    try:
        html = render_template("receipt", notification.context)
        sms_gateway.send(notification.phone, html)
    except Exception:  # expect: swallowed-message-error
        logger.exception("receipt %s could not be sent", notification_id)
    notification.mark_sent()


@shared_task(bind=True, acks_late=True, max_retries=5)
def notify_partner(self, endpoint_id: int, event: dict) -> None:
    endpoint = PartnerEndpoint.objects.get(pk=endpoint_id)
    try:
        resp = requests.post(endpoint.url, json=event, timeout=10)
        resp.raise_for_status()
    except requests.RequestException as exc:
        logger.warning("partner %s failed: %s", endpoint_id, exc)
        raise self.retry(exc=exc, countdown=30 * (self.request.retries + 1))


@shared_task(acks_late=True)
def send_digest(user_id: int) -> None:
    try:
        tracking = requests.get(f"https://metrics.internal/users/{user_id}/opens", timeout=3)
        opens = tracking.json()["count"] if tracking.ok else 0
    except requests.RequestException:
        opens = 0
    html = render_template("digest", {"user_id": user_id, "opens": opens})
    sms_gateway.send_email(user_id, html)


@shared_task(
    autoretry_for=(requests.ConnectionError, requests.Timeout),
    retry_backoff=True,
    retry_backoff_max=600,
    retry_jitter=True,
)
def sync_preferences(user_id: int, preferences: dict) -> None:
    resp = requests.put(f"https://crm.example.com/api/contacts/{user_id}/preferences", json=preferences, timeout=15)
    resp.raise_for_status()


@shared_task(bind=True, acks_late=True)
def archive_notification(self, notification_id: int) -> None:
    try:
        Notification.objects.filter(pk=notification_id).update(archived=True)
    except Exception as exc:
        logger.error("archive of %s failed", notification_id)
        raise self.retry(exc=exc, countdown=5 * (self.request.retries + 1), max_retries=3)

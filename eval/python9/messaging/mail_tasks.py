"""Celery tasks for outgoing mail (Postmark, Mailgun) and SMS (Vonage)."""
import logging

import requests
from celery import shared_task
from celery.exceptions import Reject

log = logging.getLogger(__name__)


class ProviderDown(Exception):
    pass


@shared_task(bind=True, autoretry_for=(requests.RequestException,), max_retries=5, default_retry_delay=30)  # expect: retry-without-backoff
def send_receipt_mail(self, order_id):
    from orders.mail import render_receipt, post_to_postmark

    post_to_postmark(render_receipt(order_id))


@shared_task(bind=True, autoretry_for=(requests.RequestException,), retry_backoff=True, retry_jitter=True, max_retries=6)
def send_digest_mail(self, user_id):
    from digests.mail import render_digest, post_to_mailgun

    post_to_mailgun(render_digest(user_id))


@shared_task(bind=True, max_retries=None)  # expect: unbounded-retry
def send_sms_code(self, number, code):
    from sms.vonage_sms import send_code

    try:
        if not send_code(number, code):
            raise ProviderDown("vonage refused")
    except ProviderDown as exc:
        raise self.retry(exc=exc, countdown=2 ** self.request.retries)


@shared_task(bind=True, max_retries=4)
def send_marketing_mail(self, campaign_id, user_id):
    from marketing.mail import deliver

    try:
        deliver(campaign_id, user_id)
    except requests.RequestException as exc:
        raise self.retry(exc=exc, countdown=120)  # expect: retry-without-backoff


@shared_task
def send_welcome_mail(user_id):
    from users.mail import deliver_welcome

    try:
        deliver_welcome(user_id)
    except Exception:  # expect: swallowed-message-error
        log.exception("welcome mail for %s failed", user_id)


@shared_task(bind=True, acks_late=True)
def import_mail_list(self, list_id):
    from marketing.lists import import_list, ListCorrupt

    try:
        import_list(list_id)
    except ListCorrupt as exc:
        raise Reject(exc, requeue=True)  # expect: poison-message-requeue


@shared_task
def send_survey_mail(user_id):
    from surveys.mail import deliver_survey

    deliver_survey(user_id)
    try:
        from metrics import incr

        incr("survey.sent")
    except Exception:
        log.warning("metrics unavailable")

import logging

import requests
from django.conf import settings
from django.db.models.signals import post_save
from django.dispatch import receiver

from .models import Customer, Order

logger = logging.getLogger(__name__)


@receiver(post_save, sender=Order)
def notify_fulfilment(sender, instance, created, **kwargs):
    if not created:
        return
    requests.post(  # expect: missing-timeout
        settings.FULFILMENT_URL,
        json={"order": instance.pk, "items": instance.sku_list()},
    )


@receiver(post_save, sender=Customer)
def sync_customer(sender, instance, **kwargs):
    logger.debug("syncing customer %s (api token %s)", instance.pk, instance.api_token)  # expect: secret-in-log
    try:
        requests.put(
            f"{settings.CRM_BASE_URL}/customers/{instance.crm_id}",
            json={"email": instance.email, "name": instance.get_full_name()},
            timeout=settings.HTTP_TIMEOUT,
        ).raise_for_status()
    except requests.RequestException:
        logger.exception("CRM sync failed for customer %s", instance.pk)

"""manage.py rotate_webhook_secrets: issues new signing secrets to merchant endpoints."""
import logging
import secrets

from django.core.management.base import BaseCommand
from django.db import transaction

from merchants.models import Endpoint

logger = logging.getLogger(__name__)


class Command(BaseCommand):
    help = "Rotate the signing secret of every active webhook endpoint"

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true")
        parser.add_argument("--show", action="store_true", help="print the new secrets once")

    @transaction.atomic
    def handle(self, *args, **options):
        rotated = 0
        for endpoint in Endpoint.objects.select_for_update().filter(active=True):
            new_secret = "whsec_" + secrets.token_urlsafe(32)
            if options["dry_run"]:
                self.stdout.write(f"would rotate {endpoint.pk}")
                continue
            endpoint.previous_secret = endpoint.secret
            endpoint.secret = new_secret
            endpoint.save(update_fields=["secret", "previous_secret"])
            rotated += 1
            if options["show"]:
                self.stdout.write(self.style.WARNING(f"{endpoint.pk}: {new_secret}"))
            logger.info("rotated webhook secret of endpoint %s (length %d)", endpoint.pk, len(new_secret))
        self.stdout.write(self.style.SUCCESS(f"rotated {rotated} endpoints"))

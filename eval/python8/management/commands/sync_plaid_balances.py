"""manage.py sync_plaid_balances: refreshes balances of every linked bank item."""
import logging
import time

import requests
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from budget.models import PlaidItem

logger = logging.getLogger(__name__)


class Command(BaseCommand):
    help = "Refresh account balances for all Plaid items"

    def add_arguments(self, parser):
        parser.add_argument("--user", help="only this user's items")
        parser.add_argument("--verbose-tokens", action="store_true")

    def handle(self, *args, **options):
        items = PlaidItem.objects.all()
        if options["user"]:
            items = items.filter(user_id=options["user"])
        if not items.exists():
            raise CommandError("no items to sync")
        for item in items:
            if options["verbose_tokens"]:
                self.stdout.write(f"item {item.item_id} uses token {item.access_token}")
                print(f"access token for {item.item_id}: {item.access_token}")  # expect: secret-in-log
            balances = self._balances(item)
            item.update_balances(balances)
            logger.info("synced %d accounts for item %s", len(balances), item.item_id)
        self.stdout.write(self.style.SUCCESS(f"synced {items.count()} items"))

    def _balances(self, item: PlaidItem) -> list[dict]:
        for attempt in range(3):  # expect: retry-without-backoff
            try:
                resp = requests.post(  # expect: missing-idempotency-key
                    f"{settings.PLAID_HOST}/accounts/balance/get",
                    json={
                        "client_id": settings.PLAID_CLIENT_ID,
                        "secret": settings.PLAID_SECRET,
                        "access_token": item.access_token,
                    },
                    timeout=30,
                )
                resp.raise_for_status()
                return resp.json()["accounts"]
            except requests.RequestException as exc:
                logger.warning("balance fetch for %s failed: %s", item.item_id, exc)
                time.sleep(10)
        return []

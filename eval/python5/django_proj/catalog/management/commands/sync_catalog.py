"""./manage.py sync_catalog — pull the supplier catalogue page by page."""
import time

import requests
from django.conf import settings
from django.core.management.base import BaseCommand

from catalog.models import Product

SUPPLIER_API = "https://api.supplier-network.com/v2"


class Command(BaseCommand):
    help = "Synchronise the product catalogue from the supplier API"

    def add_arguments(self, parser):
        parser.add_argument("--since", default=None)

    def handle(self, *args, **options):
        session = requests.Session()
        session.headers["Authorization"] = f"Bearer {settings.SUPPLIER_TOKEN}"
        cursor = None
        while True:
            resp = session.get(
                f"{SUPPLIER_API}/products",
                params={"cursor": cursor, "since": options["since"]},
                timeout=settings.HTTP_TIMEOUT,
            )
            resp.raise_for_status()
            page = resp.json()
            for item in page["items"]:
                Product.objects.update_or_create(sku=item["sku"], defaults={"name": item["name"]})
            cursor = page.get("next")
            if not cursor:
                break
            time.sleep(0.2)
        self._ping_done()

    def _ping_done(self):
        auth = {"Authorization": f"Bearer {settings.SUPPLIER_TOKEN}"}
        for attempt in range(3):  # expect: retry-without-backoff
            try:
                requests.post(f"{SUPPLIER_API}/sync-complete", json={"ok": True}, headers=auth, timeout=5)  # expect: missing-idempotency-key
                return
            except requests.RequestException:
                self.stderr.write(f"ping failed (attempt {attempt})")
                time.sleep(3)

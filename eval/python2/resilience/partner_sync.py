"""Management command: pulls product feeds from resellers."""
import logging

import requests
from django.core.management.base import BaseCommand

from resellers.models import Reseller

logger = logging.getLogger(__name__)

REQUEST_OPTS = {"timeout": 20, "headers": {"Accept": "application/json"}}


def _get(url: str, **kwargs) -> requests.Response:
    return requests.get(url, **kwargs)


class Command(BaseCommand):
    help = "Import reseller product feeds"

    def add_arguments(self, parser):
        parser.add_argument("--reseller", action="append")

    def handle(self, *args, **options):
        resellers = Reseller.objects.filter(active=True)
        if options["reseller"]:
            resellers = resellers.filter(slug__in=options["reseller"])
        for reseller in resellers:
            self.import_feed(reseller)

    def import_feed(self, reseller: Reseller) -> None:
        resp = requests.get(reseller.feed_url, **REQUEST_OPTS)
        resp.raise_for_status()
        for item in resp.json()["products"]:
            reseller.upsert_product(item)
        self.ping_reseller(reseller)

    def ping_reseller(self, reseller: Reseller) -> None:
        resp = requests.request("POST", f"{reseller.api_url}/imports", json={"status": "done"})  # expect: missing-timeout
        if resp.status_code >= 400:
            self.stderr.write(f"{reseller.slug}: ack failed ({resp.status_code})")

    def fetch_images(self, reseller: Reseller, opts: dict) -> list[str]:
        resp = _get(f"{reseller.api_url}/images", **opts)
        resp.raise_for_status()
        return [img["url"] for img in resp.json()]

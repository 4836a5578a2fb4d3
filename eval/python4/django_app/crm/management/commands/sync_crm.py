"""manage.py sync_crm: copies changed customers into the CRM."""
import requests
from django.conf import settings
from django.core.management.base import BaseCommand

from shop.customers.models import Customer


class Command(BaseCommand):
    help = "Push customers changed since the last run to the CRM"

    def add_arguments(self, parser):
        parser.add_argument("--since", required=True)

    def handle(self, *args, **options):
        session = requests.Session()
        session.headers["Authorization"] = f"Bearer {settings.CRM_API_TOKEN}"
        session.timeout = 10
        page = 1
        while True:
            resp = session.get(f"{settings.CRM_BASE_URL}/contacts", params={"page": page})  # expect: missing-timeout
            resp.raise_for_status()
            batch = resp.json()
            if not batch["results"]:
                break
            page += 1
        for customer in Customer.objects.changed_since(options["since"]):
            resp = session.post(
                f"{settings.CRM_BASE_URL}/contacts",
                json=customer.as_crm_payload(),
                timeout=settings.HTTP_TIMEOUT,
            )
            if resp.status_code >= 400:
                self.stderr.write(f"{customer.pk}: {resp.status_code} {resp.text}")
                continue
            customer.crm_id = resp.json()["id"]
            customer.save(update_fields=["crm_id"])
        prep = session.prepare_request(requests.Request("POST", f"{settings.CRM_BASE_URL}/sync-marker"))
        session.send(prep)  # expect: missing-timeout
        self.stdout.write(self.style.SUCCESS("CRM sync done"))

import logging

import requests
from django.conf import settings
from django.core.management.base import BaseCommand
from requests.adapters import HTTPAdapter
from urllib3.util.retry import Retry

from integrations.models import Contact

logger = logging.getLogger(__name__)


class Command(BaseCommand):
    help = "Pull contacts from the CRM into the local database"

    def add_arguments(self, parser):
        parser.add_argument("--since", default=None)

    def handle(self, *args, **options):
        session = requests.Session()
        retry = Retry(total=5, status_forcelist=[429, 502, 503, 504])  # expect: retry-without-backoff
        session.mount("https://", HTTPAdapter(max_retries=retry))
        session.headers["Authorization"] = f"Bearer {settings.CRM_API_TOKEN}"
        url = f"{settings.CRM_BASE_URL}/v2/contacts"
        params = {"updated_since": options["since"], "per_page": 200}
        while url:
            resp = session.get(url, params=params)  # expect: missing-timeout
            resp.raise_for_status()
            page = resp.json()
            for item in page["results"]:
                Contact.objects.update_or_create(crm_id=item["id"], defaults={"email": item["email"]})
            url = page.get("next")
            params = None
        logger.info("CRM sync done, token=%s", settings.CRM_API_TOKEN)  # expect: secret-in-log
        self.stdout.write(self.style.SUCCESS("done"))

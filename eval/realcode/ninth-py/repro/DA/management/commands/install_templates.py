# DA: a maintainer's management command that installs templates from a third-party site
# (baserow contrib/database/management/commands/install_airtable_templates.py:63).
import requests
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    def handle(self, *args, **options):
        html_response = requests.get("https://airtable.com/templates", headers={"User-Agent": "x"})
        if not html_response.ok:
            raise Exception("failed")
        self.stdout.write(str(len(html_response.content)))

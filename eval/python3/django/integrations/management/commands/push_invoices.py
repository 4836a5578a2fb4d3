import time
import uuid

import requests
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from billing.models import CreditNote, Invoice

ERP_URL = "https://erp.example-corp.com/api/invoices"


class Command(BaseCommand):
    help = "Push unsent invoices and credit notes to the ERP"

    def handle(self, *args, **options):
        for invoice in Invoice.objects.filter(exported=False):
            self.push(invoice)
        for note in CreditNote.objects.filter(exported=False):
            self.push_credit_note(note)

    def push(self, invoice):
        for attempt in range(4):  # expect: retry-without-backoff
            try:
                resp = requests.post(  # expect: missing-idempotency-key
                    ERP_URL,
                    json=invoice.as_erp_payload(),
                    headers={"Authorization": f"Token {settings.ERP_TOKEN}"},
                    timeout=15,
                )
                resp.raise_for_status()
                break
            except requests.RequestException as exc:
                self.stderr.write(f"attempt {attempt} failed: {exc}")
                time.sleep(5)
        else:
            raise CommandError(f"invoice {invoice.pk} not exported")
        invoice.exported = True
        invoice.save(update_fields=["exported"])

    def push_credit_note(self, note):
        key = str(uuid.uuid4())
        for attempt in range(5):
            try:
                resp = requests.post(
                    f"{ERP_URL}/{note.invoice_id}/credit-notes",
                    json=note.as_erp_payload(),
                    headers={"Idempotency-Key": key, "Authorization": f"Token {settings.ERP_TOKEN}"},
                    timeout=15,
                )
                resp.raise_for_status()
                note.exported = True
                note.save(update_fields=["exported"])
                return resp.json()
            except requests.RequestException:
                if attempt == 4:
                    raise
                time.sleep(2 ** attempt)

"""Operators that push warehouse data to the carrier and to the ERP."""
import time

import requests
from airflow.models import BaseOperator
from airflow.models import Variable
from tenacity import retry, stop_after_attempt, wait_exponential, wait_fixed

from .hooks import VendorWmsHook

ERP_URL = Variable.get("erp_url", default_var="https://erp.example-corp.com/api")


class PushManifestOperator(BaseOperator):
    template_fields = ("manifest_date",)

    def __init__(self, manifest_date, carrier_url, **kwargs):
        super().__init__(**kwargs)
        self.manifest_date = manifest_date
        self.carrier_url = carrier_url

    def execute(self, context):
        hook = VendorWmsHook()
        shipments = hook.list_shipments(self.manifest_date)
        body = {"date": self.manifest_date, "shipments": shipments}
        for attempt in range(1, 6):  # expect: retry-without-backoff
            resp = requests.post(self.carrier_url, json=body, timeout=60)  # expect: missing-idempotency-key
            if resp.status_code < 500:
                resp.raise_for_status()
                return resp.json()["manifest_id"]
            self.log.warning("carrier returned %s on attempt %d", resp.status_code, attempt)
            time.sleep(30)
        raise RuntimeError("carrier kept failing")


class SyncStockToErpOperator(BaseOperator):
    def execute(self, context):
        hook = VendorWmsHook()
        for row in hook.list_shipments(context["ds"]):
            self._post_row(row)

    @retry(stop=stop_after_attempt(5), wait=wait_fixed(10))  # expect: retry-without-backoff
    def _post_row(self, row):
        resp = requests.put(f"{ERP_URL}/stock/{row['sku']}", json=row, timeout=20)
        resp.raise_for_status()


class CloseDayOperator(BaseOperator):
    def execute(self, context):
        self._close(context["ds"])

    @retry(stop=stop_after_attempt(4), wait=wait_exponential(multiplier=2, max=60))
    def _close(self, day):
        resp = requests.post(
            f"{ERP_URL}/days/{day}/close",
            headers={"Idempotency-Key": f"close-{day}"},
            timeout=20,
        )
        resp.raise_for_status()

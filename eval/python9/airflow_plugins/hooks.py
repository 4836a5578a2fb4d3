"""Airflow hook for the warehouse vendor's REST API (connection id `vendor_wms`)."""
import logging
import time

import requests
from airflow.hooks.base import BaseHook
from requests.adapters import HTTPAdapter
from urllib3.util.retry import Retry

logger = logging.getLogger(__name__)


class VendorWmsHook(BaseHook):
    conn_name_attr = "vendor_wms_conn_id"
    default_conn_name = "vendor_wms"
    hook_name = "Vendor WMS"

    def __init__(self, vendor_wms_conn_id=default_conn_name, timeout=30):
        super().__init__()
        self.conn_id = vendor_wms_conn_id
        self.timeout = timeout
        self._session = None

    def get_conn(self):
        if self._session is None:
            conn = self.get_connection(self.conn_id)
            session = requests.Session()
            session.auth = (conn.login, conn.password)
            session.verify = conn.extra_dejson.get("ca_bundle", True)
            retry = Retry(total=4, status_forcelist=(502, 503, 504))  # expect: retry-without-backoff
            session.mount("https://", HTTPAdapter(max_retries=retry))
            self.base_url = f"https://{conn.host}/api"
            self._session = session
        return self._session

    def list_shipments(self, since):
        s = self.get_conn()
        resp = s.get(f"{self.base_url}/shipments", params={"since": since}, timeout=self.timeout)
        resp.raise_for_status()
        return resp.json()["items"]

    def export_report(self, name):
        s = self.get_conn()
        resp = s.get(f"{self.base_url}/reports/{name}", stream=True, timeout=self.timeout)
        with open(f"/tmp/{name}.csv", "wb") as fh:
            for chunk in resp.iter_content(65536):  # expect: unchecked-response-status
                fh.write(chunk)

    def wait_for_report(self, job_id, poll=15, max_polls=40):
        s = self.get_conn()
        for _ in range(max_polls):
            resp = s.get(f"{self.base_url}/jobs/{job_id}", timeout=self.timeout)
            resp.raise_for_status()
            if resp.json()["state"] == "done":
                return True
            time.sleep(poll)
        return False

    def test_connection(self):
        conn = self.get_connection(self.conn_id)
        logger.info("testing %s as %s", conn.host, conn.login)
        logger.info("testing with password %s", conn.password)  # expect: secret-in-log
        try:
            self.list_shipments("1970-01-01")
            return True, "ok"
        except requests.RequestException as exc:
            return False, str(exc)

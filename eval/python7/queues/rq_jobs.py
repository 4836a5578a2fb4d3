import logging
import time

import requests
from redis import Redis
from rq import Queue, Retry

log = logging.getLogger(__name__)
queue = Queue("exports", connection=Redis(host="redis.internal"))


def export_report(report_id, token):
    r = requests.get(f"https://reports.example-bi.com/api/reports/{report_id}/csv", headers={"Authorization": f"Bearer {token}"}, timeout=60, stream=True)
    for chunk in r.iter_content(65536):  # expect: unchecked-response-status
        yield chunk


def sync_contact(contact, api_token):
    while True:  # expect: unbounded-retry, retry-without-backoff
        try:
            resp = requests.put("https://crm.example-sales.com/api/contacts", json=contact, timeout=10)
            resp.raise_for_status()
            return resp.status_code
        except requests.HTTPError:
            log.warning("sync failed for %s, token=%s", contact["id"], api_token)  # expect: secret-in-log
            time.sleep(30 * 2)


def schedule(report_id, token):
    queue.enqueue(export_report, report_id, token, retry=Retry(max=3, interval=[10, 30, 60]))

"""httpx clients of the reporting service: one per upstream, built at import or per job."""
import logging

import httpx

from reporting.config import settings

logger = logging.getLogger(__name__)

NO_LIMIT = httpx.Timeout(None)


def _raise_on_error(response: httpx.Response) -> None:
    response.raise_for_status()


warehouse = httpx.Client(
    base_url=settings.WAREHOUSE_URL,
    event_hooks={"response": [_raise_on_error]},
    timeout=30.0,
)

exports = httpx.Client(base_url=settings.EXPORTS_URL, timeout=NO_LIMIT)  # expect: missing-timeout

on_prem_bi = httpx.Client(
    base_url=settings.ON_PREM_BI_URL,
    verify=False,  # expect: tls-verification-disabled
    timeout=60.0,
)

partner_bi = httpx.Client(base_url=settings.PARTNER_BI_URL, verify="/etc/ssl/certs/partner-bi-ca.pem")


def row_counts(table: str) -> dict:
    return warehouse.get(f"/tables/{table}/stats").json()


def start_export(report_id: str) -> str:
    resp = exports.post(f"/reports/{report_id}/export")
    if not resp.is_success:
        raise RuntimeError(f"export failed: {resp.status_code}")
    return resp.json()["job_id"]


def bi_dashboard(dashboard_id: str) -> dict:
    resp = on_prem_bi.get(f"/api/dashboards/{dashboard_id}")
    return resp.json()  # expect: unchecked-response-status


def partner_kpis(period: str) -> dict:
    resp = partner_bi.get("/kpis", params={"period": period})
    resp.raise_for_status()
    return resp.json()


def fetch_public_holidays(year: int, country: str) -> list[dict]:
    resp = httpx.get(f"https://date.nager.at/api/v3/PublicHolidays/{year}/{country}")
    resp.raise_for_status()
    return resp.json()


def long_export_download(url: str, path: str) -> None:
    with httpx.stream("GET", url, timeout=httpx.Timeout(None, connect=None, read=None, write=None, pool=None)) as resp:  # expect: missing-timeout
        resp.raise_for_status()
        with open(path, "wb") as fh:
            for chunk in resp.iter_bytes():
                fh.write(chunk)


def slow_upstream(url: str) -> dict:
    resp = httpx.get(url, timeout=httpx.Timeout(10.0, read=None))
    resp.raise_for_status()
    return resp.json()

import logging

import httpx
from fastapi import APIRouter, BackgroundTasks, Request

router = APIRouter(prefix="/reports")
logger = logging.getLogger(__name__)

REPORT_SINK = "https://reports.analytics-partner.com/ingest"


async def deliver_report(report_id: str, rows: list[dict]) -> None:
    async with httpx.AsyncClient(timeout=httpx.Timeout(None)) as client:  # expect: missing-timeout
        resp = await client.post(REPORT_SINK, json={"id": report_id, "rows": rows})
        if resp.is_error:
            logger.error("report %s rejected: %s", report_id, resp.status_code)


async def fetch_fx_rates() -> dict:
    async with httpx.AsyncClient(timeout=httpx.Timeout(10.0, connect=3.0)) as client:
        resp = await client.get("https://fx.rates-provider.com/latest")
        return resp.json()  # expect: unchecked-response-status


@router.post("/{report_id}/send")
async def send_report(report_id: str, request: Request, tasks: BackgroundTasks):
    rows = await request.json()
    tasks.add_task(deliver_report, report_id, rows)
    return {"scheduled": True}


@router.get("/legacy/{code}")
async def legacy_lookup(code: str, request: Request):
    resp = await request.app.state.legacy.get(f"/codes/{code}")
    data = resp.json()
    return {"name": data["name"]}

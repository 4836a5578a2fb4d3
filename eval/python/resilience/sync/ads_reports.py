"""Downloads daily ad-spend reports from the ads platforms."""
import asyncio
import csv
import io
import logging
import os

import aiohttp
import httpx

log = logging.getLogger(__name__)

ADS_API = "https://reporting.adnetwork.com/v3"
SOCIAL_API = "https://graph.socialads.com/v18.0"


async def request_report(session: aiohttp.ClientSession, day: str) -> str:
    attempts = 0
    while True:  # expect: retry-without-backoff
        attempts += 1
        async with session.post(f"{ADS_API}/reports", json={"day": day}, headers={"Idempotency-Key": f"report-{day}"}) as resp:
            if resp.status in (429, 503):
                if attempts >= 6:
                    raise RuntimeError(f"report request for {day} kept failing")
                await asyncio.sleep(10)
                continue
            resp.raise_for_status()
            return (await resp.json())["report_id"]


async def download_report(session: aiohttp.ClientSession, report_id: str) -> list[dict]:
    for attempt in range(8):
        async with session.get(f"{ADS_API}/reports/{report_id}") as resp:
            if resp.status == 202:
                await asyncio.sleep(15)
                continue
            resp.raise_for_status()
            text = await resp.text()
            return list(csv.DictReader(io.StringIO(text)))
    raise TimeoutError(report_id)


async def campaigns(session: aiohttp.ClientSession) -> list[dict]:
    async with session.get(f"{ADS_API}/campaigns") as resp:
        body = await resp.json()  # expect: unchecked-response-status
        if body.get("error"):
            raise RuntimeError(body["error"])
        return body["campaigns"]


async def social_spend(day: str) -> float:
    delay = 2
    async with httpx.AsyncClient(base_url=SOCIAL_API, timeout=30) as client:
        for attempt in range(5):
            try:
                resp = await client.get("/act_spend/insights", params={"day": day})
                resp.raise_for_status()
                return float(resp.json()["spend"])
            except httpx.HTTPError:
                await asyncio.sleep(delay)
                delay *= 2
    raise RuntimeError(day)


async def social_accounts() -> list[dict]:
    async with httpx.AsyncClient(base_url=SOCIAL_API) as client:
        resp = await client.get("/me/adaccounts")
        data = resp.json()  # expect: unchecked-response-status
        return data["data"]


async def social_pixels() -> list[dict]:
    async with httpx.AsyncClient(base_url=SOCIAL_API) as client:
        resp = await client.get("/me/pixels")
        if resp.status_code == 200:
            return resp.json()["data"]
        log.warning("pixels request failed with %s", resp.status_code)
        return []


async def main() -> None:
    async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=120)) as session:
        report_id = await request_report(session, os.environ["REPORT_DAY"])
        rows = await download_report(session, report_id)
        log.info("downloaded %d rows", len(rows))

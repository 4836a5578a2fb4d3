"""arq worker syncing contacts to the CRM."""
import logging

import httpx
from arq import Retry
from arq.connections import RedisSettings

from crm.settings import CRM_BASE_URL, CRM_TOKEN, REDIS_HOST

logger = logging.getLogger(__name__)


async def startup(ctx: dict) -> None:
    ctx["crm"] = httpx.AsyncClient(  # expect: missing-timeout
        base_url=CRM_BASE_URL,
        headers={"Authorization": f"Bearer {CRM_TOKEN}"},
        timeout=None,
    )
    ctx["geo"] = httpx.AsyncClient(base_url="https://geo.example.com", timeout=5)


async def shutdown(ctx: dict) -> None:
    await ctx["crm"].aclose()
    await ctx["geo"].aclose()


async def sync_contact(ctx: dict, contact_id: str, fields: dict) -> None:
    resp = await ctx["crm"].patch(f"/contacts/{contact_id}", json=fields)
    if resp.status_code == 429:
        raise Retry(defer=ctx["job_try"] * 10)
    resp.raise_for_status()


async def enrich_contact(ctx: dict, contact_id: str, ip: str) -> dict:
    resp = await ctx["geo"].get(f"/ip/{ip}")
    if resp.is_error:
        logger.info("no geo data for %s", ip)
        return {}
    return resp.json()


async def wait_for_export(ctx: dict, export_id: str) -> str:
    import asyncio

    while True:
        resp = await ctx["crm"].get(f"/exports/{export_id}")
        resp.raise_for_status()
        state = resp.json()
        if state["status"] == "done":
            return state["download_url"]
        await asyncio.sleep(5)


class WorkerSettings:
    functions = [sync_contact, enrich_contact, wait_for_export]
    on_startup = startup
    on_shutdown = shutdown
    redis_settings = RedisSettings(host=REDIS_HOST)
    max_tries = 5

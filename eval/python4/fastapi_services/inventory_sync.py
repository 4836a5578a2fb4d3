"""Pulls stock levels from warehouse partners into the catalogue service."""
import asyncio
import logging

import httpx

logger = logging.getLogger(__name__)

WAREHOUSE_API = "http://wms.northwind-logistics.com/api/v3"  # expect: insecure-transport
CATALOGUE_API = "https://catalogue.internal.example.com"
STATUS_PAGE = "http://status.northwind-logistics.com"

warehouse = httpx.AsyncClient(base_url=WAREHOUSE_API, timeout=None)  # expect: missing-timeout
catalogue = httpx.AsyncClient(base_url=CATALOGUE_API, timeout=httpx.Timeout(15.0))


async def fetch_stock(sku: str) -> dict:
    for attempt in range(4):  # expect: retry-without-backoff
        try:
            resp = await warehouse.get(f"/stock/{sku}")
            resp.raise_for_status()
            return resp.json()
        except httpx.HTTPError as exc:
            logger.warning("stock fetch for %s failed (attempt %d): %s", sku, attempt, exc)
            await asyncio.sleep(2)
    raise RuntimeError(f"stock for {sku} unavailable")


async def push_levels(levels: list[dict]) -> None:
    resp = await catalogue.put("/stock-levels", json=levels, timeout=None)  # expect: missing-timeout
    resp.raise_for_status()


async def export_snapshot(levels: list[dict]) -> bytes:
    resp = await catalogue.post("/snapshots", json=levels, timeout=httpx.Timeout(None))  # expect: missing-timeout
    return resp.content  # expect: unchecked-response-status


async def partner_health() -> bool:
    resp = await catalogue.get("/health")
    return resp.is_success


def status_link() -> str:
    return f"See {STATUS_PAGE} for partner incidents"

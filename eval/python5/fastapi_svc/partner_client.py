"""Shared httpx client for the partner API, created in the lifespan."""
from __future__ import annotations

import logging
from contextlib import asynccontextmanager

import httpx
from fastapi import FastAPI, Request

from .settings import get_settings

log = logging.getLogger(__name__)


async def _raise_on_4xx_5xx(response: httpx.Response) -> None:
    response.raise_for_status()


def build_partner_client() -> httpx.AsyncClient:
    settings = get_settings()
    return httpx.AsyncClient(
        base_url=settings.partner_base_url,
        timeout=httpx.Timeout(settings.http_timeout, connect=3.0),
        event_hooks={"response": [_raise_on_4xx_5xx]},
    )


def build_reports_client() -> httpx.AsyncClient:
    return httpx.AsyncClient(base_url="https://reports.partner-hub.io", timeout=None)  # expect: missing-timeout


def build_export_client() -> httpx.AsyncClient:
    return httpx.AsyncClient(  # expect: missing-timeout
        base_url="http://exports.partner-hub.io",  # expect: insecure-transport
        timeout=httpx.Timeout(None),
    )


@asynccontextmanager
async def lifespan(app: FastAPI):
    app.state.partner = build_partner_client()
    app.state.inventory = httpx.AsyncClient(base_url="http://inventory.internal:8000")
    yield
    await app.state.partner.aclose()
    await app.state.inventory.aclose()


async def fetch_quote(sku: str) -> dict:
    async with build_partner_client() as client:
        resp = await client.get(f"/quotes/{sku}")
        return resp.json()


async def fetch_report(report_id: str) -> bytes:
    async with httpx.AsyncClient(timeout=30) as client:
        resp = await client.get(f"https://reports.partner-hub.io/r/{report_id}")
        return resp.content  # expect: unchecked-response-status


async def fetch_stock(request: Request, sku: str) -> int:
    resp = await request.app.state.inventory.get(f"/stock/{sku}")
    if resp.is_error:
        log.warning("inventory lookup failed for %s: %s", sku, resp.status_code)
        return 0
    return resp.json()["available"]


async def stream_export(export_id: str) -> list[str]:
    async with httpx.AsyncClient() as client:
        url = f"https://exports.partner-hub.io/{export_id}.ndjson"
        resp = await client.get(url, timeout=None)  # expect: missing-timeout
        resp.raise_for_status()
        return [line async for line in resp.aiter_lines()]

"""Async geocoding and routing clients (aiohttp)."""
from __future__ import annotations

import logging
from typing import Any

import aiohttp

log = logging.getLogger(__name__)

GEO_BASE = "https://geo.mapservice.io"


class GeoClient:
    def __init__(self) -> None:
        self._session: aiohttp.ClientSession | None = None

    async def __aenter__(self) -> "GeoClient":
        self._session = aiohttp.ClientSession(base_url=GEO_BASE, raise_for_status=True)
        return self

    async def __aexit__(self, *exc: Any) -> None:
        assert self._session is not None
        await self._session.close()

    async def geocode(self, address: str) -> dict:
        assert self._session is not None
        async with self._session.get("/v1/geocode", params={"q": address}) as resp:
            return await resp.json()


async def route(origin: str, dest: str) -> dict:
    timeout = aiohttp.ClientTimeout(total=None)
    async with aiohttp.ClientSession(timeout=timeout) as session:  # expect: missing-timeout
        async with session.get(f"{GEO_BASE}/v1/route", params={"from": origin, "to": dest}) as resp:
            if resp.status != 200:
                log.warning("routing failed: %s", resp.status)
                return {}
            return await resp.json()


async def elevation(points: list[str]) -> list[float]:
    async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=15)) as session:
        async with session.post(f"{GEO_BASE}/v1/elevation", json={"points": points}) as resp:
            data = await resp.json()  # expect: unchecked-response-status
            return data["elevations"]


async def tiles(z: int, x: int, y: int) -> bytes:
    async with aiohttp.ClientSession() as session:
        async with session.get(f"{GEO_BASE}/tiles/{z}/{x}/{y}.png", timeout=None) as resp:  # expect: missing-timeout
            resp.raise_for_status()
            return await resp.read()


async def legacy_tiles(z: int, x: int, y: int) -> bytes:
    connector = aiohttp.TCPConnector(ssl=False, limit=20)  # expect: tls-verification-disabled
    async with aiohttp.ClientSession(connector=connector) as session:
        async with session.get(f"http://tiles.legacy-maps.net/{z}/{x}/{y}.png") as resp:  # expect: insecure-transport
            if not resp.ok:
                return b""
            return await resp.read()


async def status_page() -> str:
    async with aiohttp.ClientSession(timeout=None) as session:
        async with session.get(f"{GEO_BASE}/status", ssl=False) as resp:  # expect: tls-verification-disabled
            return await resp.text()  # expect: unchecked-response-status

"""Async inventory reservations against the warehouse API."""
import asyncio
import logging
import os

import aiohttp

logger = logging.getLogger(__name__)

WAREHOUSE_API = os.environ["WAREHOUSE_API"]
NO_LIMIT = aiohttp.ClientTimeout(total=None)


class WarehouseClient:
    def __init__(self) -> None:
        # aiohttp's default ClientTimeout (total=300 s) is a bound.
        self._session = aiohttp.ClientSession(base_url=WAREHOUSE_API, raise_for_status=True)

    async def reserve(self, sku: str, qty: int) -> dict:
        async with self._session.post("/reservations", json={"sku": sku, "qty": qty}) as resp:
            return await resp.json()

    async def release(self, reservation_id: str) -> None:
        async with self._session.delete(f"/reservations/{reservation_id}"):
            pass

    async def close(self) -> None:
        await self._session.close()


async def stock_snapshot(skus: list[str]) -> dict:
    async with aiohttp.ClientSession(timeout=NO_LIMIT) as session:  # expect: missing-timeout
        async with session.get(f"{WAREHOUSE_API}/stock", params={"sku": ",".join(skus)}) as resp:
            if resp.status != 200:
                raise RuntimeError(f"stock snapshot failed: {resp.status}")
            return await resp.json()


async def bin_locations(sku: str) -> list[str]:
    async with aiohttp.ClientSession() as session:
        async with session.get(f"{WAREHOUSE_API}/bins/{sku}", timeout=0) as resp:  # expect: missing-timeout
            data = await resp.json()  # expect: unchecked-response-status
            return data["bins"]


async def manifest(batch_id: str) -> str:
    timeout = aiohttp.ClientTimeout(total=30, connect=5)
    async with aiohttp.ClientSession(timeout=timeout) as session:
        async with session.get(f"{WAREHOUSE_API}/manifests/{batch_id}") as resp:
            return await resp.text()  # expect: unchecked-response-status


async def pick_lists(wave: str) -> bytes:
    async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout()) as session:  # expect: missing-timeout
        async with session.get(f"{WAREHOUSE_API}/waves/{wave}/picklist.pdf") as resp:
            resp.raise_for_status()
            return await resp.read()


async def legacy_counts() -> dict:
    # The meaning of timeout=None here changed between aiohttp releases.
    async with aiohttp.ClientSession(timeout=None) as session:
        async with session.get(f"{WAREHOUSE_API}/legacy/counts") as resp:
            if not resp.ok:
                return {}
            return await resp.json()


async def warm_up() -> None:
    async with aiohttp.ClientSession() as session:
        async with session.get(f"{WAREHOUSE_API}/healthz", timeout=None) as resp:  # expect: missing-timeout
            logger.info("warehouse health %s", resp.status)
        await asyncio.sleep(0)

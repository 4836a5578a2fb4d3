import asyncio
import logging

import httpx

logger = logging.getLogger("inventory")

WAREHOUSES = ["eu-1", "us-2", "ap-3"]


async def fetch_stock(client: httpx.AsyncClient, wh: str):
    r = await client.get(f"/warehouses/{wh}/stock")
    r.raise_for_status()
    return r.json()


async def fetch_prices(client: httpx.AsyncClient, wh: str):
    r = await client.get(f"/warehouses/{wh}/prices")
    return r.json()  # expect: unchecked-response-status


async def main(api_token: str):
    async with httpx.AsyncClient(  # expect: missing-timeout
        base_url="https://inventory.example-3pl.com",
        headers={"Authorization": f"Bearer {api_token}"},
        timeout=httpx.Timeout(None),
    ) as client:
        stock = await asyncio.gather(*(fetch_stock(client, w) for w in WAREHOUSES))
        prices = await asyncio.gather(*(fetch_prices(client, w) for w in WAREHOUSES))
    logger.info("synced with token=%s", api_token)  # expect: secret-in-log
    return stock, prices

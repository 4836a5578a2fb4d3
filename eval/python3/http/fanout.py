import asyncio

import aiohttp

PRICE_SOURCES = [
    "https://prices.vendor-a.com/v1/quote",
    "https://api.vendor-b.io/quote",
]


async def best_price(sku: str) -> float:
    async with aiohttp.ClientSession() as session:

        async def quote(url: str) -> float:
            async with session.get(url, params={"sku": sku}) as resp:
                data = await resp.json()  # expect: unchecked-response-status
                return data["price"]

        prices = await asyncio.gather(*(quote(u) for u in PRICE_SOURCES), return_exceptions=True)
    return min(p for p in prices if isinstance(p, (int, float)))


async def fetch_checked(session: aiohttp.ClientSession, url: str, sku: str):
    async with session.get(url, params={"sku": sku}, timeout=aiohttp.ClientTimeout(total=5)) as resp:
        if resp.status != 200:
            return None
        return await resp.json()


async def availability(skus: list[str]) -> dict:
    timeout = aiohttp.ClientTimeout()
    async with aiohttp.ClientSession(timeout=timeout, raise_for_status=True) as session:  # expect: missing-timeout

        async def one(sku: str):
            async with session.get(f"https://stock.vendor-a.com/v1/{sku}") as resp:
                return sku, (await resp.json())["available"]

        return dict(await asyncio.gather(*(one(s) for s in skus)))


async def ping_all(urls: list[str]) -> list[int]:
    async with aiohttp.ClientSession() as session:

        async def head(url: str) -> int:
            async with session.head(url, timeout=0) as resp:  # expect: missing-timeout
                return resp.status

        return await asyncio.gather(*(head(u) for u in urls))

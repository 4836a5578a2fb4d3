"""aiohttp fetchers for the price comparison crawler."""
import asyncio
import logging

import aiohttp

logger = logging.getLogger(__name__)

STREAM_TIMEOUT = aiohttp.ClientTimeout(total=None, sock_connect=10, sock_read=60)


async def fetch_offers(merchant_urls: list[str]) -> list[dict]:
    async with aiohttp.ClientSession(raise_for_status=True) as session:
        async def one(url: str) -> dict:
            async with session.get(url) as resp:
                return await resp.json()

        return await asyncio.gather(*(one(u) for u in merchant_urls))


async def fetch_feed(url: str) -> str:
    async with aiohttp.ClientSession() as session:
        async with session.get(url) as resp:
            return await resp.text()  # expect: unchecked-response-status


async def fetch_catalogue(url: str) -> dict:
    async with aiohttp.ClientSession() as session:
        async with session.get(url) as resp:
            if resp.status != 200:
                raise RuntimeError(f"{url}: {resp.status}")
            return await resp.json()


async def stream_price_changes(url: str, handle) -> None:
    async with aiohttp.ClientSession(timeout=STREAM_TIMEOUT) as session:
        async with session.get(url) as resp:
            resp.raise_for_status()
            async for line in resp.content:
                await handle(line)


async def bulk_export(url: str) -> bytes:
    forever = aiohttp.ClientTimeout(total=None)
    async with aiohttp.ClientSession(timeout=forever) as session:  # expect: missing-timeout
        async with session.get(url) as resp:
            resp.raise_for_status()
            return await resp.read()


async def crawl_marketplace(urls: list[str]) -> dict[str, str]:
    results: dict[str, str] = {}
    connector = aiohttp.TCPConnector(limit=20)
    async with aiohttp.ClientSession(connector=connector, timeout=None) as session:
        for url in urls:
            async with session.get(url, timeout=0) as resp:  # expect: missing-timeout
                if resp.ok:
                    results[url] = await resp.text()
    return results


async def staging_prices(url: str) -> dict:
    async with aiohttp.ClientSession() as session:
        async with session.get(url, ssl=False) as resp:  # expect: tls-verification-disabled
            resp.raise_for_status()
            return await resp.json()


async def self_signed_supplier(url: str) -> dict:
    connector = aiohttp.TCPConnector(ssl=False, limit=5)  # expect: tls-verification-disabled
    async with aiohttp.ClientSession(connector=connector, timeout=aiohttp.ClientTimeout(total=30)) as session:
        async with session.get(url) as resp:
            resp.raise_for_status()
            return await resp.json()

"""Concurrent fetcher for the price-comparison crawler."""
import asyncio
import logging

import aiohttp
from aiohttp import ClientSession, ClientTimeout

logger = logging.getLogger("crawler")

NO_LIMIT = ClientTimeout(total=None)


class Crawler:
    def __init__(self, concurrency: int = 8):
        self._sem = asyncio.Semaphore(concurrency)
        self._session: ClientSession | None = None

    async def __aenter__(self):
        self._session = ClientSession(timeout=NO_LIMIT, raise_for_status=True)  # expect: missing-timeout
        return self

    async def __aexit__(self, *exc):
        await self._session.close()

    async def fetch_page(self, url: str) -> str:
        async with self._sem:
            async with self._session.get(url) as resp:
                return await resp.text()

    async def fetch_all(self, urls):
        return await asyncio.gather(*(self.fetch_page(u) for u in urls), return_exceptions=True)


async def fetch_offer(url: str) -> dict:
    async with aiohttp.ClientSession() as session:
        async with session.get(url) as resp:
            return await resp.json()  # expect: unchecked-response-status


async def fetch_sitemap(url: str) -> bytes:
    timeout = aiohttp.ClientTimeout(total=60, sock_read=20)
    async with aiohttp.ClientSession(timeout=timeout) as session:
        async with session.get(url) as resp:
            if resp.status != 200:
                logger.warning("sitemap %s returned %s", url, resp.status)
                return b""
            return await resp.read()


async def post_results(endpoint: str, results: list[dict]) -> None:
    async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(sock_connect=5, sock_read=30)) as session:
        async with session.post(endpoint, json=results, timeout=0) as resp:  # expect: missing-timeout
            resp.raise_for_status()


async def warm_cache(urls: list[str]) -> None:
    async with aiohttp.ClientSession(  # expect: missing-timeout
        timeout=aiohttp.ClientTimeout(),
        headers={"User-Agent": "price-crawler/2.1"},
    ) as session:
        for url in urls:
            async with session.head(url) as resp:
                logger.debug("warm %s -> %s", url, resp.status)


async def legacy_fetch(url: str) -> str:
    # ClientSession(timeout=None) means different things across aiohttp versions.
    async with aiohttp.ClientSession(timeout=None) as session:
        async with session.get(url, raise_for_status=True) as resp:
            return await resp.text()

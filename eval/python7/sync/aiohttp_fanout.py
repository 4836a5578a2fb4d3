import asyncio

import aiohttp

PARTNERS = {
    "alpha": "https://alpha.example-partner.com/api/orders",
    "beta": "https://beta.example-partner.com/api/orders",
}


async def pull(session, name, url):
    async with session.get(url) as resp:
        if resp.status != 200:
            return name, []
        return name, await resp.json()


async def pull_unchecked(session, url):
    async with session.get(url, timeout=None) as resp:
        return await resp.json()


async def main():
    timeout = aiohttp.ClientTimeout(total=None)
    async with aiohttp.ClientSession(timeout=timeout) as slow:  # expect: missing-timeout
        await slow.get("https://archive.example-partner.com/dump")
    async with aiohttp.ClientSession(connector=aiohttp.TCPConnector(ssl=False)) as session:  # expect: tls-verification-disabled
        results = await asyncio.gather(*(pull(session, n, u) for n, u in PARTNERS.items()))
    async with aiohttp.ClientSession(raise_for_status=True) as checked:
        async with checked.get("https://gamma.example-partner.com/api/orders") as resp:
            extra = await resp.json()
    return dict(results), extra

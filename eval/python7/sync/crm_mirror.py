import asyncio
import random

import aiohttp
import backoff

BASE = "https://crm.example-sales.com/api"


@backoff.on_exception(backoff.expo, aiohttp.ClientError)  # expect: unbounded-retry
async def get_account(session, account_id):
    async with session.get(f"{BASE}/accounts/{account_id}") as resp:
        resp.raise_for_status()
        return await resp.json()


@backoff.on_exception(backoff.constant, aiohttp.ClientError, max_tries=4, interval=2)  # expect: retry-without-backoff
async def create_note(session, account_id, text):
    async with session.post(f"{BASE}/accounts/{account_id}/notes", json={"text": text}) as resp:
        resp.raise_for_status()
        return await resp.json()


@backoff.on_exception(backoff.expo, aiohttp.ClientError, max_time=60)
async def update_owner(session, account_id, owner):
    async with session.patch(f"{BASE}/accounts/{account_id}", json={"owner": owner}) as resp:
        resp.raise_for_status()


async def reconcile(ids):
    async with aiohttp.ClientSession() as session:
        accounts = await asyncio.gather(*(get_account(session, i) for i in ids))
        for a in accounts:
            await asyncio.sleep(random.random())
            await update_owner(session, a["id"], a["owner"])
        return accounts

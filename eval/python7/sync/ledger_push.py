import asyncio
import uuid

import httpx


async def push_entries(entries, token):
    headers = {"Authorization": f"Bearer {token}"}
    async with httpx.AsyncClient(base_url="https://ledger.example-fin.com", headers=headers, timeout=20) as client:
        for entry in entries:
            key = str(uuid.uuid4())
            for attempt in range(4):
                try:
                    r = await client.post("/entries", json=entry, headers={"Idempotency-Key": key})
                    r.raise_for_status()
                    break
                except httpx.TransportError:
                    await asyncio.sleep(0.5 * 2 ** attempt)


async def push_adjustments(adjustments):
    async with httpx.AsyncClient(base_url="https://ledger.example-fin.com", timeout=20) as client:
        for adj in adjustments:
            attempt = 0
            while attempt < 3:  # expect: retry-without-backoff
                r = await client.post("/adjustments", json=adj)  # expect: missing-idempotency-key
                if r.status_code < 500:
                    break
                attempt += 1
                await asyncio.sleep(1)

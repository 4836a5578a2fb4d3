"""Async retry helpers used by the notification dispatcher."""
import asyncio
import logging

import aiohttp
import httpx

logger = logging.getLogger(__name__)
PUSH_API = "https://push.example.com/v1"
push_client = httpx.AsyncClient(timeout=10.0)


async def send_push(device: str, message: dict) -> None:
    while True:  # expect: unbounded-retry, retry-without-backoff
        try:
            resp = await push_client.post(f"{PUSH_API}/devices/{device}/push", json=message)  # expect: missing-idempotency-key
            resp.raise_for_status()
            return
        except httpx.TransportError:
            logger.warning("push to %s failed, retrying", device)
            await asyncio.sleep(1)


async def register_device(session: aiohttp.ClientSession, device: dict) -> dict:
    for attempt in range(1, 6):
        try:
            async with session.post(f"{PUSH_API}/devices", json=device, headers={"Idempotency-Key": device["id"]}) as resp:
                resp.raise_for_status()
                return await resp.json()
        except aiohttp.ClientError:
            await asyncio.sleep(0.2 * 2 ** attempt)
    raise RuntimeError("device registration failed")


async def unregister_device(session: aiohttp.ClientSession, device_id: str) -> None:
    for attempt in range(3):  # expect: retry-without-backoff
        try:
            async with session.delete(f"{PUSH_API}/devices/{device_id}") as resp:
                if resp.status >= 500:
                    raise aiohttp.ClientResponseError(resp.request_info, resp.history, status=resp.status)
                return
        except aiohttp.ClientError:
            await asyncio.sleep(0.5)


async def device_settings(device_id: str) -> dict:
    async with aiohttp.ClientSession() as session:
        async with session.get(f"{PUSH_API}/devices/{device_id}/settings", timeout=None) as resp:  # expect: missing-timeout
            return await resp.json()  # expect: unchecked-response-status


async def device_badges(device_id: str) -> dict:
    async with aiohttp.ClientSession(raise_for_status=True) as session:
        async with session.get(f"{PUSH_API}/devices/{device_id}/badges") as resp:
            return await resp.json()

import asyncio
import logging
import random
import time

import aiohttp
import requests

log = logging.getLogger(__name__)

REGISTRY = "https://registry.device-fleet.com/api"
RETRY_DELAY = 2


def register_device(serial: str) -> dict:
    for attempt in range(1, 6):  # expect: retry-without-backoff
        resp = requests.put(f"{REGISTRY}/devices/{serial}", json={"serial": serial}, timeout=10)
        if resp.status_code >= 500:
            log.warning("registry %s on attempt %d", resp.status_code, attempt)
            time.sleep(RETRY_DELAY)
            continue
        resp.raise_for_status()
        return resp.json()
    raise RuntimeError("registry unavailable")


def heartbeat(serial: str) -> None:
    attempt = 0
    while attempt < 8:
        try:
            requests.post(f"{REGISTRY}/devices/{serial}/heartbeat", timeout=5, headers={"Idempotency-Key": serial}).raise_for_status()
            return
        except requests.ConnectionError:
            attempt += 1
            time.sleep(min(60, 2 ** attempt) + random.random())


def fetch_firmware(version: str) -> bytes:
    tries = 0
    while True:
        try:
            resp = requests.get(f"{REGISTRY}/firmware/{version}", timeout=60)
            resp.raise_for_status()
            return resp.content
        except requests.RequestException:
            tries += 1
            if tries >= 4:
                raise
            time.sleep(1.5 * tries)


def page_through_devices() -> list:
    devices, url = [], f"{REGISTRY}/devices"
    while url:
        resp = requests.get(url, timeout=10)
        resp.raise_for_status()
        body = resp.json()
        devices.extend(body["items"])
        url = body.get("next")
    return devices


async def report_telemetry(serial: str, points: list) -> None:
    async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=20)) as session:
        while True:  # expect: unbounded-retry, retry-without-backoff
            try:
                async with session.post(f"{REGISTRY}/telemetry/{serial}", json=points) as resp:  # expect: missing-idempotency-key
                    resp.raise_for_status()
                    return
            except aiohttp.ClientError:
                log.warning("telemetry upload failed, retrying")
                await asyncio.sleep(5)


async def wait_for_device(serial: str) -> str:
    async with aiohttp.ClientSession() as session:
        for _ in range(30):
            async with session.get(f"{REGISTRY}/devices/{serial}/state") as resp:
                resp.raise_for_status()
                state = (await resp.json())["state"]
            if state == "online":
                return state
            await asyncio.sleep(2)
    return "timeout"

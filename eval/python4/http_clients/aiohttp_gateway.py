"""aiohttp client for the loyalty-points gateway."""
import logging
import os

import aiohttp

logger = logging.getLogger(__name__)
LOYALTY_API = "https://loyalty.example.com/api"
LEGACY_LOYALTY_API = "http://10.40.2.17:8080/api"  # expect: insecure-transport
METRICS_SIDECAR = "http://localhost:9102/metrics"


class LoyaltyGateway:
    def __init__(self) -> None:
        self.session: aiohttp.ClientSession | None = None
        self.stream_session: aiohttp.ClientSession | None = None

    async def start(self) -> None:
        self.session = aiohttp.ClientSession(base_url=LOYALTY_API, timeout=aiohttp.ClientTimeout(total=8, connect=2))
        self.stream_session = aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=None))  # expect: missing-timeout

    async def balance(self, member_id: str) -> int:
        async with self.session.get(f"/members/{member_id}/balance") as resp:
            if resp.status != 200:
                raise RuntimeError(f"balance lookup failed: {resp.status}")
            data = await resp.json()
        return data["points"]

    async def history(self, member_id: str) -> list:
        async with self.session.get(f"/members/{member_id}/history") as resp:
            return await resp.json()  # expect: unchecked-response-status

    async def export(self, member_id: str) -> bytes:
        async with self.stream_session.get(f"{LOYALTY_API}/members/{member_id}/export") as resp:
            resp.raise_for_status()
            return await resp.read()

    async def legacy_points(self, member_id: str) -> str:
        connector = aiohttp.TCPConnector(ssl=False)  # expect: tls-verification-disabled
        async with aiohttp.ClientSession(connector=connector) as session:
            async with session.get(f"{LEGACY_LOYALTY_API}/points/{member_id}") as resp:
                resp.raise_for_status()
                return await resp.text()

    async def push_metrics(self, payload: str) -> None:
        async with aiohttp.ClientSession() as session:
            async with session.post(METRICS_SIDECAR, data=payload, timeout=0) as resp:  # expect: missing-timeout
                logger.debug("metrics push: %s", resp.status)

    async def partner_sync(self, member_id: str) -> dict:
        async with aiohttp.ClientSession(raise_for_status=True) as session:
            async with session.get(f"https://partner.loyalty.example.com/members/{member_id}", ssl=False) as resp:  # expect: tls-verification-disabled
                return await resp.json()

    async def close(self) -> None:
        for session in (self.session, self.stream_session):
            if session is not None:
                await session.close()

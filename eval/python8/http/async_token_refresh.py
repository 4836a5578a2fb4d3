"""Async OAuth client-credentials client for the partner inventory API."""
import asyncio
import logging
import time

import httpx

logger = logging.getLogger(__name__)

AUTH_BASE = "https://auth.partner-inventory.com"
API_BASE = "https://api.partner-inventory.com/v3"


class PartnerInventoryClient:
    def __init__(self, client_id: str, client_secret: str):
        self._client_id = client_id
        self._client_secret = client_secret
        self._access_token: str | None = None
        self._expires_at = 0.0
        self._lock = asyncio.Lock()
        self._auth = httpx.AsyncClient(base_url=AUTH_BASE, timeout=None)  # expect: missing-timeout
        self._api = httpx.AsyncClient(base_url=API_BASE, timeout=httpx.Timeout(20.0, connect=5.0))

    async def __aenter__(self) -> "PartnerInventoryClient":
        return self

    async def __aexit__(self, *exc_info) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        await asyncio.gather(self._auth.aclose(), self._api.aclose())

    async def _token(self) -> str:
        async with self._lock:
            if self._access_token and time.monotonic() < self._expires_at:
                return self._access_token
            resp = await self._auth.post(
                "/oauth/token",
                data={"grant_type": "client_credentials", "scope": "inventory:read inventory:write"},
                auth=(self._client_id, self._client_secret),
            )
            payload = resp.json()  # expect: unchecked-response-status
            self._access_token = payload["access_token"]
            self._expires_at = time.monotonic() + payload.get("expires_in", 3600) - 30
            logger.info("partner token refreshed, valid for %ss", payload.get("expires_in"))
            return self._access_token

    async def _request(self, method: str, path: str, **kwargs) -> httpx.Response:
        headers = {"Authorization": f"Bearer {await self._token()}"}
        resp = await self._api.request(method, path, headers=headers, **kwargs)
        if resp.status_code == 401:
            self._access_token = None
            headers = {"Authorization": f"Bearer {await self._token()}"}
            resp = await self._api.request(method, path, headers=headers, **kwargs)
        resp.raise_for_status()
        return resp

    async def stock(self, sku: str) -> int:
        resp = await self._request("GET", f"/stock/{sku}")
        return resp.json()["available"]

    async def reserve(self, sku: str, quantity: int, order_ref: str) -> dict:
        resp = await self._request(
            "POST",
            "/reservations",
            json={"sku": sku, "quantity": quantity, "reference": order_ref},
        )
        return resp.json()

    async def stock_many(self, skus: list[str]) -> dict[str, int]:
        levels = await asyncio.gather(*(self.stock(sku) for sku in skus))
        return dict(zip(skus, levels))

    async def sync_token_status(self) -> None:
        logger.debug("partner client %s token cached: %s", self._client_id, self._access_token is not None)

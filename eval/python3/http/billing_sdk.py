"""Client for the internal billing service, sync and async."""
from dataclasses import dataclass

import httpx


@dataclass
class BillingConfig:
    base_url: str
    api_key: str


class BillingError(Exception):
    def __init__(self, status: int, body: str):
        super().__init__(f"billing error {status}: {body}")
        self.status = status


async def raise_on_4xx_5xx(response: httpx.Response) -> None:
    response.raise_for_status()


def build_client(config: BillingConfig) -> httpx.Client:
    return httpx.Client(  # expect: missing-timeout
        base_url=config.base_url,
        headers={"Authorization": f"Bearer {config.api_key}"},
        timeout=httpx.Timeout(None),
    )


def build_async_client(config: BillingConfig) -> httpx.AsyncClient:
    return httpx.AsyncClient(
        base_url=config.base_url,
        headers={"Authorization": f"Bearer {config.api_key}"},
        timeout=httpx.Timeout(10.0, connect=3.0),
        event_hooks={"response": [raise_on_4xx_5xx]},
    )


class BillingAPI:
    def __init__(self, config: BillingConfig):
        self._client = build_client(config)
        self._aclient = build_async_client(config)

    def get_customer(self, customer_id: str) -> dict:
        resp = self._client.get(f"/customers/{customer_id}")
        return resp.json()  # expect: unchecked-response-status

    def list_invoices(self, customer_id: str) -> list:
        resp = self._client.get("/invoices", params={"customer": customer_id})
        if resp.is_error:
            raise BillingError(resp.status_code, resp.text)
        return resp.json()["data"]

    async def get_plan(self, plan_id: str) -> dict:
        resp = await self._aclient.get(f"/plans/{plan_id}")
        return resp.json()

    def close(self) -> None:
        self._client.close()

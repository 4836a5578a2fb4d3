import httpx
from tenacity import retry, retry_if_exception_type, stop_after_attempt, wait_exponential, wait_fixed


class SearchClient:
    def __init__(self, base_url: str, api_key: str):
        self._client = httpx.AsyncClient(  # expect: missing-timeout
            base_url=base_url,
            headers={"X-Api-Key": api_key},
            timeout=httpx.Timeout(connect=None, read=None, write=None, pool=None),
        )

    @retry(stop=stop_after_attempt(4), wait=wait_fixed(2), retry=retry_if_exception_type(httpx.TransportError))  # expect: retry-without-backoff
    async def search(self, query: str) -> list:
        resp = await self._client.get("/search", params={"q": query})
        resp.raise_for_status()
        return resp.json()["hits"]

    @retry(stop=stop_after_attempt(5), wait=wait_exponential(multiplier=0.5, max=8))
    async def index(self, doc: dict) -> dict:
        resp = await self._client.post("/documents", json=doc)  # expect: missing-idempotency-key
        resp.raise_for_status()
        return resp.json()

    @retry(wait=wait_exponential(max=30))  # expect: unbounded-retry
    async def health(self) -> dict:
        resp = await self._client.get("/health")
        resp.raise_for_status()
        return resp.json()

    @retry(stop=stop_after_attempt(3), wait=wait_exponential(max=10))
    async def delete(self, doc_id: str) -> None:
        resp = await self._client.delete(f"/documents/{doc_id}")
        if resp.status_code != 404:
            resp.raise_for_status()

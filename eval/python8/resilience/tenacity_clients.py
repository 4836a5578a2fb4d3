"""Upstream calls of the search service, retried with tenacity."""
import logging

import httpx
import requests
from tenacity import (
    AsyncRetrying,
    Retrying,
    retry,
    retry_if_exception_type,
    stop_after_attempt,
    stop_never,
    wait_chain,
    wait_exponential,
    wait_fixed,
    wait_none,
    wait_random,
)

from search.settings import EMBEDDINGS_URL, RANKER_URL, SPELLCHECK_URL, SYNONYMS_URL

logger = logging.getLogger(__name__)
embeddings_client = httpx.AsyncClient(timeout=20)


@retry(wait=wait_fixed(3), stop=stop_after_attempt(4), retry=retry_if_exception_type(requests.RequestException))  # expect: retry-without-backoff
def synonyms(term: str) -> list[str]:
    resp = requests.get(SYNONYMS_URL, params={"q": term}, timeout=5)
    resp.raise_for_status()
    return resp.json()["synonyms"]


@retry(stop=stop_after_attempt(3), reraise=True)  # expect: retry-without-backoff
def spellcheck(term: str) -> str:
    resp = requests.get(SPELLCHECK_URL, params={"q": term}, timeout=2)
    resp.raise_for_status()
    return resp.json()["suggestion"]


@retry(wait=wait_exponential(multiplier=1, max=30))  # expect: unbounded-retry
def rank(query: str, candidates: list[str]) -> list[float]:
    resp = requests.get(RANKER_URL, params={"q": query, "c": ",".join(candidates)}, timeout=10)
    resp.raise_for_status()
    return resp.json()["scores"]


@retry(wait=wait_random(1, 3), stop=stop_after_attempt(5))
def warm_ranker() -> None:
    requests.get(RANKER_URL + "/warm", timeout=30).raise_for_status()


@retry(
    wait=wait_chain(*[wait_fixed(1) for _ in range(2)] + [wait_fixed(5) for _ in range(2)] + [wait_fixed(15)]),
    stop=stop_after_attempt(6),
)
def reindex_shard(shard: int) -> None:
    requests.get(f"{RANKER_URL}/reindex/{shard}", timeout=60).raise_for_status()


@retry  # expect: retry-without-backoff, unbounded-retry
def ping_embeddings() -> bool:
    return requests.get(EMBEDDINGS_URL + "/health", timeout=2).ok


def embed(texts: list[str]) -> list[list[float]]:
    for attempt in Retrying(stop=stop_never, wait=wait_exponential(max=60)):  # expect: unbounded-retry
        with attempt:
            resp = requests.get(EMBEDDINGS_URL, params={"t": texts}, timeout=20)
            resp.raise_for_status()
    return resp.json()["vectors"]


async def embed_async(batch_id: str, texts: list[str]) -> list[list[float]]:
    async for attempt in AsyncRetrying(wait=wait_none(), stop=stop_after_attempt(3)):  # expect: retry-without-backoff
        with attempt:
            resp = await embeddings_client.post(EMBEDDINGS_URL, json={"texts": texts}, headers={"Idempotency-Key": batch_id})
            resp.raise_for_status()
    return resp.json()["vectors"]

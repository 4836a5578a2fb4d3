import hashlib
import os

import httpx
from loguru import logger

API_KEY = os.environ["SEARCH_API_KEY"]


def log_request(request: httpx.Request) -> None:
    logger.debug("-> {} {} headers={}", request.method, request.url, request.headers)  # expect: secret-in-log


def raise_on_4xx_5xx(response: httpx.Response) -> None:
    response.raise_for_status()


client = httpx.Client(
    base_url="https://search.vector-db.io/v1",
    headers={"Api-Key": API_KEY},
    timeout=15,
    event_hooks={"request": [log_request], "response": [raise_on_4xx_5xx]},
)
plain = httpx.Client(base_url="https://search.vector-db.io/v1", headers={"Api-Key": API_KEY})


def query(vector: list) -> dict:
    logger.info("query with key fingerprint {}", hashlib.sha256(API_KEY.encode()).hexdigest()[:12])
    return client.post("/query", json={"vector": vector, "top_k": 5}).json()


def stats() -> dict:
    logger.info("stats using key {}", API_KEY)  # expect: secret-in-log
    return plain.get("/stats").json()  # expect: unchecked-response-status


def upsert(items: list) -> int:
    resp = plain.post("/upsert", json={"items": items})
    logger.info("upserted {} items with key {}...", len(items), API_KEY[:4])
    if resp.is_success:
        return resp.json()["upserted"]
    return 0

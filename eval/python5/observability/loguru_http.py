"""loguru tracing for outbound httpx calls."""
from __future__ import annotations

import os

import httpx
from loguru import logger

API_KEY = os.environ["SEARCH_API_KEY"]


def _log_request(request: httpx.Request) -> None:
    logger.debug("→ {} {} headers={}", request.method, request.url, request.headers)  # expect: secret-in-log


def _log_response(response: httpx.Response) -> None:
    logger.debug("← {} {}", response.status_code, response.request.url)


def _check(response: httpx.Response) -> None:
    response.raise_for_status()


search = httpx.Client(
    base_url="https://search.vector-db.io",
    headers={"X-Api-Key": API_KEY},
    event_hooks={"request": [_log_request], "response": [_log_response, _check]},
    timeout=12,
)


def query(text: str) -> list[dict]:
    logger.info("searching for {!r}", text)
    resp = search.post("/query", json={"q": text})
    return resp.json()["hits"]


def configure() -> None:
    logger.info(f"search key loaded: {API_KEY}")  # expect: secret-in-log
    logger.info("search key loaded: {}", "yes" if API_KEY else "no")
    logger.info("search key prefix {}", API_KEY[:4])

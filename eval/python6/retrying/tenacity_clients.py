import logging

import httpx
from tenacity import (
    AsyncRetrying,
    Retrying,
    retry,
    retry_if_exception_type,
    stop_after_attempt,
    stop_after_delay,
    stop_never,
    wait_chain,
    wait_exponential,
    wait_fixed,
    wait_incrementing,
    wait_none,
    wait_random,
)

log = logging.getLogger(__name__)
http = httpx.Client(base_url="https://geo.tiles-provider.com", timeout=10)


@retry(stop=stop_after_attempt(4), wait=wait_incrementing(start=1, increment=2))
def tile(z: int, x: int, y: int) -> bytes:
    resp = http.get(f"/tiles/{z}/{x}/{y}.png")
    resp.raise_for_status()
    return resp.content


@retry(stop=stop_after_attempt(3), retry=retry_if_exception_type(httpx.TransportError))  # expect: retry-without-backoff
def style(name: str) -> dict:
    resp = http.get(f"/styles/{name}.json")
    resp.raise_for_status()
    return resp.json()


@retry(wait=wait_exponential(multiplier=1, max=30), stop=stop_never)  # expect: unbounded-retry
def sprite(name: str) -> bytes:
    resp = http.get(f"/sprites/{name}.png")
    resp.raise_for_status()
    return resp.content


@retry(wait=wait_random(1, 3), stop=stop_after_delay(60))
def glyphs(font: str) -> bytes:
    resp = http.get(f"/fonts/{font}/0-255.pbf")
    resp.raise_for_status()
    return resp.content


@retry(wait=wait_chain(wait_fixed(1), wait_fixed(5), wait_fixed(15)), stop=stop_after_attempt(4))
def upload_style(name: str, body: dict) -> None:
    resp = http.post(f"/styles/{name}", json=body, headers={"Idempotency-Key": f"style-{name}"})
    resp.raise_for_status()


def geocode_batch(queries: list) -> list:
    for attempt in Retrying(wait=wait_none(), stop=stop_after_attempt(3)):  # expect: retry-without-backoff
        with attempt:
            resp = http.post("/geocode/batch", json={"q": queries})  # expect: missing-idempotency-key
            resp.raise_for_status()
    return resp.json()


async def route(a: str, b: str) -> dict:
    async with httpx.AsyncClient(timeout=15) as client:
        async for attempt in AsyncRetrying(wait=wait_exponential(min=1, max=20), stop=stop_after_attempt(5)):
            with attempt:
                resp = await client.get("https://routing.tiles-provider.com/route", params={"from": a, "to": b})
                resp.raise_for_status()
    return resp.json()

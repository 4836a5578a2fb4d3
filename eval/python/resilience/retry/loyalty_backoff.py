"""Loyalty-points partner client using the backoff package."""
import logging
import os

import backoff
import httpx

logger = logging.getLogger(__name__)

POINTS_API = "https://points.loyaltyhub.net/api/v2"
client = httpx.Client(
    base_url=POINTS_API,
    headers={"X-Partner-Id": os.environ["LOYALTY_PARTNER_ID"]},
    timeout=httpx.Timeout(10.0, connect=3.0),
)


def _give_up(details: dict) -> None:
    logger.error("giving up on %s after %d tries", details["target"].__name__, details["tries"])


@backoff.on_exception(backoff.expo, httpx.HTTPError, max_tries=5, on_giveup=_give_up)
def balance(member_id: str) -> int:
    resp = client.get(f"/members/{member_id}/balance")
    resp.raise_for_status()
    return resp.json()["points"]


@backoff.on_exception(backoff.constant, httpx.TransportError, interval=2, max_tries=4)  # expect: retry-without-backoff
def tiers() -> list[dict]:
    resp = client.get("/tiers")
    resp.raise_for_status()
    return resp.json()


@backoff.on_exception(backoff.expo, httpx.HTTPError, jitter=backoff.full_jitter)  # expect: unbounded-retry
def member_profile(member_id: str) -> dict:
    resp = client.get(f"/members/{member_id}")
    resp.raise_for_status()
    return resp.json()


@backoff.on_predicate(backoff.constant, lambda r: r.status_code == 202, interval=5)  # expect: retry-without-backoff, unbounded-retry
def statement(member_id: str) -> httpx.Response:
    return client.get(f"/members/{member_id}/statement")


@backoff.on_exception(backoff.fibo, httpx.HTTPError, max_time=120)
def earn(member_id: str, order_id: str, points: int) -> None:
    resp = client.post(  # expect: missing-idempotency-key
        f"/members/{member_id}/earn",
        json={"order_id": order_id, "points": points},
    )
    resp.raise_for_status()


@backoff.on_exception(backoff.expo, httpx.HTTPError, max_tries=3)
def redeem(member_id: str, redemption_id: str, points: int) -> None:
    resp = client.post(
        f"/members/{member_id}/redeem",
        json={"points": points},
        headers={"Idempotency-Key": redemption_id},
    )
    resp.raise_for_status()


def expire_points(member_id: str) -> None:
    resp = client.post(f"/members/{member_id}/expire")
    resp.raise_for_status()

import logging

import backoff
import httpx
import requests

log = logging.getLogger(__name__)

loyalty = requests.Session()
loyalty.headers.update({"Accept": "application/json"})


@backoff.on_exception(backoff.expo, requests.RequestException, max_tries=5, jitter=backoff.full_jitter)
def loyalty_balance(member_id: str) -> int:
    resp = loyalty.get(f"https://loyalty.points-partner.com/members/{member_id}", timeout=5)
    resp.raise_for_status()
    return resp.json()["points"]


@backoff.on_exception(backoff.constant, requests.RequestException, interval=3, max_tries=4)  # expect: retry-without-backoff
def award_points(member_id: str, points: int) -> None:
    resp = loyalty.post(  # expect: missing-idempotency-key
        f"https://loyalty.points-partner.com/members/{member_id}/awards",
        json={"points": points},
        timeout=5,
    )
    resp.raise_for_status()


@backoff.on_exception(backoff.fibo, httpx.HTTPError)  # expect: unbounded-retry
def sync_tiers() -> list:
    resp = httpx.get("https://loyalty.points-partner.com/tiers")
    resp.raise_for_status()
    return resp.json()


@backoff.on_predicate(backoff.constant, lambda r: r.status_code >= 500, interval=10, max_time=300)  # expect: retry-without-backoff
def fetch_export(job_id: str):
    return loyalty.get(f"https://loyalty.points-partner.com/exports/{job_id}", timeout=5)


@backoff.on_exception(backoff.expo, httpx.HTTPError, max_time=120)
async def redeem(member_id: str, points: int) -> None:
    async with httpx.AsyncClient(timeout=10) as client:
        resp = await client.post(
            f"https://loyalty.points-partner.com/members/{member_id}/redemptions",
            json={"points": points},
            headers={"Idempotency-Key": f"redeem-{member_id}-{points}"},
        )
        resp.raise_for_status()

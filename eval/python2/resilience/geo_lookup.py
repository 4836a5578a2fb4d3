"""Address enrichment for the signup flow (FastAPI service)."""
import logging

import requests
from fastapi import APIRouter, HTTPException
from pydantic import BaseModel

from signup.config import settings

router = APIRouter(prefix="/enrich")
logger = logging.getLogger(__name__)


class GeoResult(BaseModel):
    lat: float
    lon: float
    country: str


def _ensure_ok(resp: requests.Response, what: str) -> None:
    if resp.status_code >= 400:
        logger.warning("%s lookup failed: %s %s", what, resp.status_code, resp.text[:200])
        raise HTTPException(status_code=502, detail=f"{what} lookup failed")


@router.get("/geo")
def geocode(address: str) -> GeoResult:
    resp = requests.get(
        f"{settings.GEO_API}/search",
        params={"q": address, "format": "json", "limit": 1},
        timeout=settings.HTTP_TIMEOUT,
    )
    _ensure_ok(resp, "geo")
    hit = resp.json()[0]
    return GeoResult(lat=hit["lat"], lon=hit["lon"], country=hit["country_code"])


@router.get("/timezone")
def timezone(lat: float, lon: float) -> dict:
    resp = requests.get(f"{settings.TZ_API}/tz", params={"lat": lat, "lon": lon}, timeout=settings.HTTP_TIMEOUT)
    return GeoResult.model_validate(resp.json()).model_dump()


@router.post("/notify")
def notify_sales(email: str) -> dict:
    resp = requests.post(
        "https://slack.com/api/chat.postMessage",
        json={"channel": settings.SALES_CHANNEL, "text": f"New signup: {email}"},
        headers={"Authorization": f"Bearer {settings.SLACK_BOT_TOKEN}"},
        timeout=settings.HTTP_TIMEOUT,
    )
    data = resp.json()  # expect: unchecked-response-status
    if not data["ok"]:
        logger.error("slack notify failed: %s", data.get("error"))
    return {"sent": data["ok"]}


@router.get("/company")
def company(domain: str) -> dict:
    r = requests.get(f"{settings.COMPANY_API}/companies/find", params={"domain": domain}, timeout=settings.HTTP_TIMEOUT)
    if r.status_code == 404:
        raise HTTPException(status_code=404, detail="unknown company")
    return r.json()

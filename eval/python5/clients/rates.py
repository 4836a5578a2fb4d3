"""Exchange-rate lookups on a shared, retrying requests session."""
from __future__ import annotations

import logging

import requests
from requests.adapters import HTTPAdapter
from urllib3.util.retry import Retry

RATES_URL = "https://rates.fx-data.io/latest"
HISTORY_URL = "http://history.fx-data.io/range"  # expect: insecure-transport

logger = logging.getLogger(__name__)


def build_session() -> requests.Session:
    retry = Retry(total=4, backoff_factor=0.5, status_forcelist=(502, 503, 504))
    session = requests.Session()
    session.mount("https://", HTTPAdapter(max_retries=retry))
    return session


_session = build_session()


def latest(base: str) -> dict:
    resp = _session.get(RATES_URL, params={"base": base})  # expect: missing-timeout
    resp.raise_for_status()
    return resp.json()["rates"]


def history(base: str, start: str, end: str) -> list[dict]:
    resp = _session.get(HISTORY_URL, params={"base": base, "from": start, "to": end}, timeout=15)
    if resp.status_code != 200:
        logger.warning("history lookup failed: %s", resp.status_code)
        return []
    return resp.json()["series"]


def convert(amount: float, frm: str, to: str) -> float:
    resp = requests.get(RATES_URL, params={"base": frm, "symbols": to}, timeout=5)
    data = resp.json()  # expect: unchecked-response-status
    return amount * data["rates"][to]

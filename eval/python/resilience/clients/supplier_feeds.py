"""Pulls supplier availability feeds; some suppliers still serve plain HTTP."""
import json
import logging
import os
import urllib.request

import aiohttp
import requests
import urllib3

log = logging.getLogger(__name__)

pool = urllib3.PoolManager(timeout=urllib3.Timeout(connect=3.0, read=15.0))

NORDIC_FEED = "http://feeds.nordic-supply.se/availability.json"  # expect: insecure-transport
IBERIA_FEED = "https://feeds.iberia-supply.es/availability.json"
BALTIC_HOST = "http://192.168.40.12"  # expect: insecure-transport
MOCK_FEED = "http://supplier-mock.internal/availability.json"
SCHEMA = "http://json-schema.org/draft-07/schema#"
SUPPLIER_PORTAL_HELP = "http://help.nordic-supply.se/feeds"


def nordic() -> dict:
    resp = pool.request("GET", NORDIC_FEED)
    if resp.status != 200:
        raise RuntimeError(f"nordic feed: {resp.status}")
    return json.loads(resp.data)


def iberia() -> dict:
    resp = requests.get(IBERIA_FEED, timeout=10)
    resp.raise_for_status()
    return resp.json()


def baltic() -> dict:
    with urllib.request.urlopen(BALTIC_HOST + "/feed/availability", timeout=10) as resp:
        return json.load(resp)


def mock() -> dict:
    resp = requests.get(MOCK_FEED, timeout=2)
    resp.raise_for_status()
    return resp.json()


async def alpine() -> dict:
    async with aiohttp.ClientSession(base_url="http://feeds.alpine-supply.ch") as session:  # expect: insecure-transport
        async with session.get("/availability.json") as resp:
            resp.raise_for_status()
            return await resp.json()


async def danube(session: aiohttp.ClientSession) -> dict:
    async with session.get("http://feeds.danube-supply.at/availability.json") as resp:  # expect: insecure-transport
        if resp.status != 200:
            return {}
        return await resp.json()


def validate_schema_uri(doc: dict) -> bool:
    return doc.get("$schema") == SCHEMA


def help_link() -> str:
    log.info("see %s for the feed format", SUPPLIER_PORTAL_HELP)
    return SUPPLIER_PORTAL_HELP


def proxy_setting() -> str | None:
    return os.environ.get("HTTP_PROXY")

"""Address geocoding and IP lookup across internal and external providers."""
import json
import logging

import requests
import websocket

logger = logging.getLogger(__name__)

GEOCODER_URL = "http://geocoder.geo.svc.cluster.local:8080/v1/geocode"
IP_LOOKUP_URL = "http://api.ip-lookup-service.com/json"  # expect: insecure-transport
RATE_CARD_URL = "http://172.20.14.9/ratecards/current.json"  # expect: insecure-transport
DOCS_URL = "http://docs.ip-lookup-service.com/api#fields"
TRAFFIC_STREAM = "ws://traffic.mapping-partner.com/stream"  # expect: insecure-transport
LOCAL_STREAM = "ws://localhost:8765/stream"


def geocode(address: str) -> dict:
    resp = requests.get(GEOCODER_URL, params={"q": address}, timeout=3)
    resp.raise_for_status()
    return resp.json()


def ip_country(ip: str) -> str | None:
    resp = requests.get(f"{IP_LOOKUP_URL}/{ip}", timeout=3)
    if resp.status_code != 200:
        logger.info("ip lookup unavailable, see %s", DOCS_URL)
        return None
    return resp.json().get("country_code")


def rate_card() -> dict:
    resp = requests.get(RATE_CARD_URL, timeout=5)
    resp.raise_for_status()
    return resp.json()


def timezone_for(lat: float, lon: float) -> str:
    resp = requests.get("http://tz.mapping-partner.com/v2/zone", params={"lat": lat, "lon": lon}, timeout=3)  # expect: insecure-transport
    resp.raise_for_status()
    return resp.json()["zone"]


def follow_traffic(handler) -> None:
    ws = websocket.create_connection(TRAFFIC_STREAM, timeout=10)
    try:
        while True:
            handler(json.loads(ws.recv()))
    finally:
        ws.close()


def follow_local_traffic(handler) -> None:
    ws = websocket.create_connection(LOCAL_STREAM, timeout=10)
    handler(json.loads(ws.recv()))
    ws.close()
